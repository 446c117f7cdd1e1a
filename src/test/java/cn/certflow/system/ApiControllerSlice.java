package cn.certflow.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.certflow.security.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A {@code @WebMvcTest} slice of some of our REST controllers (issue 17 point 4): the
 * controllers, {@link ApiErrors} (a {@code @RestControllerAdvice}, which the slice picks
 * up itself) and our strict JSON reading ({@link StrictJson}), so that a slice refuses
 * the same malformed bodies as the application. The staff and portal pages' web
 * configuration is left out; the access check every web slice carries gets mocked
 * {@link WebappSession} and {@link IdentityService} beans (autowire them to stub). The
 * controller's services are the test's own {@code @MockitoBean}s.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "cn\\.certflow\\.(web|staff|portal)\\..*"))
@Import(StrictJson.class)
@MockitoBean(types = { WebappSession.class, IdentityService.class })
public @interface ApiControllerSlice {

	/** The controllers under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value();

}
