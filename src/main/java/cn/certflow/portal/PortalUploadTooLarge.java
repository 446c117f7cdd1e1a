package cn.certflow.portal;

import java.util.Optional;

import cn.certflow.security.PageForms;
import cn.certflow.system.UploadTooLargePage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload too large for the portal (issue 18 bad input): refused while the request is
 * read, before any portal page runs, so answered here as a Chinese page with 413 naming
 * the field {@code file}; nothing was stored. Only for a signed-in client's portal path;
 * anything else keeps the API's answer.
 */
@Component
class PortalUploadTooLarge implements UploadTooLargePage {

	private final PortalSession session;

	PortalUploadTooLarge(PortalSession session) {
		this.session = session;
	}

	@Override
	public Optional<ModelAndView> page(HttpServletRequest request, String maxSize) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith("/portal/")) {
			return Optional.empty();
		}
		Optional<ClientAccount> account = this.session.account(request);
		if (account.isEmpty()) {
			return Optional.empty();
		}
		ModelAndView page = new ModelAndView("portal/message");
		page.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
		page.addObject("account", account.get());
		page.addObject("title", "文件过大，未保存");
		page.addObject("message", PortalForms.label("file") + "：文件超过大小上限 " + maxSize + "，未保存任何文件。请返回上一页，选择较小的文件后重新上传。");
		page.addObject(PageForms.MODEL_ATTRIBUTE, PageForms.token(request));
		return Optional.of(page);
	}

}
