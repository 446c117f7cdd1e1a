package cn.certflow.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@link PageForms} on every page of the portal and the staff pages. */
@Configuration
class PageFormsConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PageForms()).addPathPatterns("/portal/**", "/staff/**");
	}

}
