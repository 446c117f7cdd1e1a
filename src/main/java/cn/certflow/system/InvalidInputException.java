package cn.certflow.system;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Bad input, with every offending field named. A FormFieldValidationException, so that
 * Camunda's REST API and Tasklist answer 400 with this message when a task listener
 * rejects a form submission (see {@link ListenerExceptionUnwrapping}); our own API maps
 * it to 400 with the fields listed.
 */
public class InvalidInputException extends FormFieldValidationException {

	public record FieldProblem(String field, String message) {
	}

	private final transient List<FieldProblem> problems;

	public InvalidInputException(List<FieldProblem> problems) {
		super(problems.isEmpty() ? "input" : problems.get(0).field(),
				problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
