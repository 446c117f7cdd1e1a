package cn.certflow.web;

import cn.certflow.security.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@link StaffAccess} before every staff page (and before the CSRF check). */
@Configuration
class StaffPagesConfiguration implements WebMvcConfigurer {

	private final WebappSession session;

	private final IdentityService identity;

	StaffPagesConfiguration(WebappSession session, IdentityService identity) {
		this.session = session;
		this.identity = identity;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new StaffAccess(this.session, this.identity))
			.addPathPatterns("/staff", "/staff/**")
			.order(Ordered.HIGHEST_PRECEDENCE);
	}

}
