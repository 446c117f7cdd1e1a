package cn.certflow.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18/19 "CSRF on the portal's session": a page form is refused unless it carries
 * its session's token.
 */
class PageFormsTest {

	private final PageForms forms = new PageForms();

	@Test
	void shouldRefuseAPostWithoutTheSessionsTokenInChineseAndLetTheSameFormWithItThrough() throws Exception {
		MockHttpServletRequest page = new MockHttpServletRequest("GET", "/portal/");
		ModelAndView view = new ModelAndView("portal/home");
		this.forms.postHandle(page, new MockHttpServletResponse(), null, view);
		String token = (String) view.getModel().get(PageForms.MODEL_ATTRIBUTE);
		assertThat(token).hasSizeGreaterThan(30);

		MockHttpServletRequest forged = new MockHttpServletRequest("POST", "/portal/requests");
		forged.setSession(page.getSession());
		forged.setParameter(PageForms.FIELD, token + "x");
		MockHttpServletResponse refused = new MockHttpServletResponse();
		assertThat(this.forms.preHandle(forged, refused, null)).isFalse();
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getContentAsString()).contains("_csrf");

		MockHttpServletRequest otherBrowser = new MockHttpServletRequest("POST", "/portal/requests");
		otherBrowser.setParameter(PageForms.FIELD, token);
		assertThat(this.forms.preHandle(otherBrowser, new MockHttpServletResponse(), null)).isFalse();

		MockHttpServletRequest form = new MockHttpServletRequest("POST", "/portal/requests");
		form.setSession(page.getSession());
		form.setParameter(PageForms.FIELD, token);
		assertThat(this.forms.preHandle(form, new MockHttpServletResponse(), null)).isTrue();

		MockHttpServletRequest script = new MockHttpServletRequest("DELETE", "/staff/documents/1");
		script.setSession(page.getSession());
		script.addHeader(PageForms.HEADER, token);
		assertThat(this.forms.preHandle(script, new MockHttpServletResponse(), null)).isTrue();
	}

}
