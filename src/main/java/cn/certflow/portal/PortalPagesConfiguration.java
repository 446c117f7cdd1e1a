package cn.certflow.portal;

import cn.certflow.security.WebappSession;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@link PortalAccess} before every portal page except login, logout and the set-password
 * link (and before the CSRF check, PageForms).
 */
@Configuration
class PortalPagesConfiguration implements WebMvcConfigurer {

	private final PortalSession session;

	private final WebappSession staff;

	PortalPagesConfiguration(PortalSession session, WebappSession staff) {
		this.session = session;
		this.staff = staff;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PortalAccess(this.session, this.staff))
			.addPathPatterns("/portal", "/portal/**")
			.excludePathPatterns("/portal/login", "/portal/logout", "/portal/password")
			.order(Ordered.HIGHEST_PRECEDENCE);
	}

}
