package cn.certflow.web;

import java.util.stream.Collectors;

import cn.certflow.security.PageForms;
import cn.certflow.security.WebappSession.StaffUser;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every staff page controller shares: the signed-in person, and its errors as a
 * Chinese page with the status a caller expects (403 not allowed, 404 not found or not
 * visible, 400 bad input naming the field). Handlers of the controller itself, so they
 * come before the API's problem-details advice.
 */
public abstract class StaffPage {

	/** The signed-in staff member. */
	protected static StaffUser user(HttpServletRequest request) {
		return StaffAccess.user(request);
	}

	/** Refuses a person outside the groups with 403. */
	protected static void requireAnyGroup(HttpServletRequest request, String what, String... groups) {
		StaffUser user = user(request);
		if (!user.inAnyOf(groups)) {
			throw new AuthorizationException(what + "只供" + GroupNames.of(groups) + "查看；" + user.id() + " 不在这些组中。");
		}
	}

	/** A Chinese message page with the status. */
	public static ModelAndView message(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String title, String text) {
		response.setStatus(status.value());
		ModelAndView page = new ModelAndView("staff/message");
		page.setStatus(status);
		page.addObject("title", title);
		page.addObject("text", text);
		StaffUser user = user(request);
		page.addObject("user", user);
		page.addObject("nav", StaffNavigation.linksFor(user));
		page.addObject("words", Words.INSTANCE);
		page.addObject(PageForms.MODEL_ATTRIBUTE, PageForms.token(request));
		return page;
	}

	@ExceptionHandler(AuthorizationException.class)
	ModelAndView forbidden(AuthorizationException ex, HttpServletRequest request, HttpServletResponse response) {
		String text = ex.getMessage().startsWith("The user") || ex.getMessage().startsWith("user") ? "你没有查看或修改此记录的权限。"
				: ex.getMessage();
		return message(request, response, HttpStatus.FORBIDDEN, "无权查看", text);
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException ex, HttpServletRequest request, HttpServletResponse response) {
		return message(request, response, HttpStatus.NOT_FOUND, "未找到",
				"没有这条记录，或你无权查看它" + ((ex.field() != null) ? "（" + ex.field() + "）" : "") + "。");
	}

	@ExceptionHandler(InvalidInputException.class)
	ModelAndView invalid(InvalidInputException ex, HttpServletRequest request, HttpServletResponse response) {
		return message(request, response, HttpStatus.BAD_REQUEST, "输入有误，未做任何修改",
				ex.problems().stream().map(p -> p.field() + "：" + p.message()).collect(Collectors.joining("；")));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView mismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request,
			HttpServletResponse response) {
		return message(request, response, HttpStatus.BAD_REQUEST, "输入有误，未做任何修改",
				"参数 " + ex.getName() + " 的值“" + ex.getValue() + "”格式不对。");
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ModelAndView missing(MissingServletRequestParameterException ex, HttpServletRequest request,
			HttpServletResponse response) {
		return message(request, response, HttpStatus.BAD_REQUEST, "输入有误，未做任何修改", "缺少参数 " + ex.getParameterName() + "。");
	}

}
