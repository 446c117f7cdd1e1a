package cn.certflow.system;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page that answers an oversized upload for its own paths (the client portal, issue 18)
 * instead of the API's problem details: an upload too large is refused while the request
 * is read, before any controller is chosen, so only {@link ApiErrors} sees it. Empty: not
 * one of the page's paths.
 */
public interface UploadTooLargePage {

	Optional<ModelAndView> page(HttpServletRequest request, String maxSize);

}
