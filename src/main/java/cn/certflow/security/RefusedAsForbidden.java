package cn.certflow.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A refusal is a 403 on {@code /engine-rest}, whichever resource it comes through. Some
 * of Camunda's resources wrap every engine exception in a 400 or 404 of their own: adding
 * a comment ("Not enough parameters submitted"), adding or deleting an attachment. When
 * what they wrap is an AuthorizationException (see {@link TaskCommentsAndAttachments}),
 * the answer is Camunda's own 403 for it; anything else is answered as Camunda answers
 * it.
 */
@Component
class RefusedAsForbidden implements ResourceConfigCustomizer {

	@Override
	public void customize(ResourceConfig config) {
		config.register(Mapper.class);
	}

	static class Mapper implements ExceptionMapper<InvalidRequestException> {

		private final RestExceptionHandler camunda = new RestExceptionHandler();

		@Override
		public Response toResponse(InvalidRequestException exception) {
			if (exception.getCause() instanceof AuthorizationException refused) {
				return ExceptionHandlerHelper.getInstance().getResponse(refused);
			}
			return this.camunda.toResponse(exception);
		}

	}

}
