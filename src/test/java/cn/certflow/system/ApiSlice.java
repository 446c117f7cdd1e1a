package cn.certflow.system;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} slice of one of our REST controllers needs besides the
 * controller and {@link ApiErrors} (a {@code @RestControllerAdvice}, which the slice
 * picks up itself): our strict JSON reading ({@link StrictJson}), so that a slice refuses
 * the same malformed bodies as the application. Use with {@code @Import(ApiSlice.class)};
 * the controller's services are {@code @MockitoBean}s.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(StrictJson.class)
public class ApiSlice {

}
