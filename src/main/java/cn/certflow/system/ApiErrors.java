package cn.certflow.system;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Our API's errors as RFC 9457 problem details, with the offending fields listed under
 * {@code errors} as {@code [{field, message}]}. Not limited to our controllers' package:
 * a body of the wrong content type or an oversized upload is refused before Spring has
 * picked a controller, and must still name what was wrong.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

	private final String maxDocumentSize;

	private final List<UploadTooLargePage> pages;

	ApiErrors(@Value("${spring.servlet.multipart.max-file-size:1MB}") String maxDocumentSize,
			List<UploadTooLargePage> pages) {
		this.maxDocumentSize = maxDocumentSize;
		this.pages = pages;
	}

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

	/**
	 * Not JSON, or a JSON value of the wrong type: named by its path in the body
	 * ({@code sites[0]}), else "body". A body that stops inside a value (cut off in a
	 * string) is not JSON, whatever field it stopped in.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		String field = "body";
		String message;
		if (ex.getCause() instanceof JsonMappingException mapping
				&& !(mapping.getCause() instanceof com.fasterxml.jackson.core.JsonParseException)) {
			if (mapping.getPath().isEmpty()) {
				message = "must be a JSON object with the expected fields";
			}
			else {
				field = path(mapping.getPath());
				message = (mapping instanceof UnrecognizedPropertyException) ? "is not a known field"
						: "has the wrong type or format";
			}
		}
		else if (ex.getCause() instanceof JsonProcessingException) {
			message = "is not valid JSON";
		}
		else {
			message = "is missing";
		}
		return problem(HttpStatus.BAD_REQUEST, "Unreadable request body",
				List.of(new InvalidInputException.FieldProblem(field, message)));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
				List.of(new InvalidInputException.FieldProblem("Content-Type",
						"must be one of " + ex.getSupportedMediaTypes() + ", not " + ex.getContentType())));
	}

	/**
	 * A path variable or parameter that does not convert, e.g. a document id that is not
	 * a number.
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		String expected = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "other value";
		return problem(HttpStatus.BAD_REQUEST, "Invalid input",
				List.of(new InvalidInputException.FieldProblem(ex.getName(),
						"'" + ex.getValue() + "' is not a valid " + expected)));
	}

	@ExceptionHandler({ MissingServletRequestPartException.class, MissingServletRequestParameterException.class })
	ProblemDetail missingPart(Exception ex) {
		String name = (ex instanceof MissingServletRequestPartException part) ? part.getRequestPartName()
				: ((MissingServletRequestParameterException) ex).getParameterName();
		return problem(HttpStatus.BAD_REQUEST, "Invalid input",
				List.of(new InvalidInputException.FieldProblem(name, "is required")));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		for (UploadTooLargePage page : this.pages) {
			Optional<ModelAndView> view = page.page(request, this.maxDocumentSize);
			if (view.isPresent()) {
				return view.get();
			}
		}
		return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Document too large",
				List.of(new InvalidInputException.FieldProblem("file",
						"exceeds the size limit of " + this.maxDocumentSize + " (CERTFLOW_MAX_DOCUMENT_SIZE)")));
	}

	@ExceptionHandler(BadUserRequestException.class)
	ProblemDetail badRequest(BadUserRequestException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage(), List.of());
	}

	/**
	 * The record asked for does not exist. Named by the exception, else by the path
	 * variable that named it: the one whose value the message quotes, or the handler's
	 * only one ({@code GET /api/certificates/{number}} → {@code number}).
	 */
	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex, HandlerMethod handler, HttpServletRequest request) {
		String field = (ex.field() != null) ? ex.field() : pathVariableNaming(ex.getMessage(), handler, request);
		return problem(HttpStatus.NOT_FOUND, ex.getMessage(),
				(field != null) ? List.of(new InvalidInputException.FieldProblem(field, "not found")) : List.of());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, ex.getMessage(), List.of());
	}

	@ExceptionHandler(AuthorizationException.class)
	ProblemDetail forbidden(AuthorizationException ex) {
		return problem(HttpStatus.FORBIDDEN, ex.getMessage(), List.of());
	}

	private static String path(List<JsonMappingException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference reference : references) {
			if (reference.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
			}
			else {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String pathVariableNaming(String message, HandlerMethod handler, HttpServletRequest request) {
		if (handler == null) {
			return null;
		}
		List<String> names = Arrays.stream(handler.getMethodParameters())
			.filter(p -> p.hasParameterAnnotation(PathVariable.class))
			.map(ApiErrors::pathVariableName)
			.toList();
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> values
				&& message != null) {
			List<String> quoted = names.stream()
				.filter(n -> values.get(n) instanceof String value && !value.isEmpty() && quotes(message, value))
				.toList();
			if (quoted.size() == 1) {
				return quoted.get(0);
			}
		}
		return (names.size() == 1) ? names.get(0) : null;
	}

	/**
	 * Whether the message names the value as a word of its own: id 9 is not quoted by "No
	 * application APP-1900-000077".
	 */
	private static boolean quotes(String message, String value) {
		return Pattern.compile("(?<![\\w-])" + Pattern.quote(value) + "(?![\\w-])").matcher(message).find();
	}

	private static String pathVariableName(MethodParameter parameter) {
		PathVariable annotation = parameter.getParameterAnnotation(PathVariable.class);
		if (annotation != null && !annotation.name().isEmpty()) {
			return annotation.name();
		}
		parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
		return parameter.getParameterName();
	}

	private static ProblemDetail problem(HttpStatus status, String title,
			List<InvalidInputException.FieldProblem> errors) {
		ProblemDetail detail = ProblemDetail.forStatus(status);
		detail.setTitle(title);
		if (!errors.isEmpty()) {
			detail.setDetail(
					errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).get());
			detail.setProperty("errors",
					errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
		}
		return detail;
	}

}
