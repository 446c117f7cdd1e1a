package cn.certflow.system;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Our API's errors as RFC 9457 problem details, with the offending fields listed under {@code errors}. */
@RestControllerAdvice(basePackages = "cn.certflow")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", ex.problems());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex) {
		List<InvalidInputException.FieldProblem> problems = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> new InvalidInputException.FieldProblem(e.getField(), e.getDefaultMessage()))
			.toList();
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", problems);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		String field = "body";
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			field = mapping.getPath()
				.stream()
				.map(r -> (r.getFieldName() != null) ? r.getFieldName() : "[" + r.getIndex() + "]")
				.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
				.orElse("body");
		}
		return problem(HttpStatus.BAD_REQUEST, "Unreadable request body",
				List.of(new InvalidInputException.FieldProblem(field, "malformed or of the wrong type")));
	}

	@ExceptionHandler({ MissingServletRequestPartException.class, MissingServletRequestParameterException.class })
	ProblemDetail missingPart(Exception ex) {
		String name = (ex instanceof MissingServletRequestPartException part) ? part.getRequestPartName()
				: ((MissingServletRequestParameterException) ex).getParameterName();
		return problem(HttpStatus.BAD_REQUEST, "Invalid input",
				List.of(new InvalidInputException.FieldProblem(name, "is required")));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail tooLarge(MaxUploadSizeExceededException ex) {
		return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Document too large",
				List.of(new InvalidInputException.FieldProblem("file", "exceeds the size limit")));
	}

	@ExceptionHandler(BadUserRequestException.class)
	ProblemDetail badRequest(BadUserRequestException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage(), List.of());
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage(), List.of());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, ex.getMessage(), List.of());
	}

	@ExceptionHandler(AuthorizationException.class)
	ProblemDetail forbidden(AuthorizationException ex) {
		return problem(HttpStatus.FORBIDDEN, ex.getMessage(), List.of());
	}

	private static ProblemDetail problem(HttpStatus status, String title, List<InvalidInputException.FieldProblem> errors) {
		ProblemDetail detail = ProblemDetail.forStatus(status);
		detail.setTitle(title);
		if (!errors.isEmpty()) {
			detail.setDetail(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).get());
			detail.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
		}
		return detail;
	}

}
