package cn.certflow.portal;

import cn.certflow.security.PageForms;
import cn.certflow.system.NotFoundException;
import cn.certflow.web.Words;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every portal page controller shares (issue 18): the signed-in client account, and
 * one Chinese 404 page for a record that does not exist and for another client's record
 * alike (same status, same body, point 6). Handlers of the controller itself, so they
 * come before the API's problem-details advice.
 */
abstract class PortalPage {

	static final String NOT_FOUND = "没有这条记录，或它不属于您的单位。请从首页打开您的申请、证书和通知。";

	/** The signed-in client account. */
	static ClientAccount account(HttpServletRequest request) {
		return PortalAccess.account(request);
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
		return notFoundPage(request, response);
	}

	/**
	 * A number or id that cannot be one (e.g. {@code /portal/notices/abc}) exists
	 * nowhere.
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView mismatch(HttpServletRequest request, HttpServletResponse response) {
		return notFoundPage(request, response);
	}

	static ModelAndView notFoundPage(HttpServletRequest request, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		ModelAndView page = new ModelAndView("portal/notfound");
		page.setStatus(HttpStatus.NOT_FOUND);
		page.addObject("account", account(request));
		page.addObject("words", Words.INSTANCE);
		page.addObject("message", NOT_FOUND);
		page.addObject(PageForms.MODEL_ATTRIBUTE, PageForms.token(request));
		return page;
	}

}
