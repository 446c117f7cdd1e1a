package cn.certflow.system;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Bad input, with every offending field named. Extends Camunda's BadUserRequestException so that the engine's REST
 * API and Tasklist answer 400 with this message too when it is thrown inside an engine command (form submission).
 */
public class InvalidInputException extends BadUserRequestException {

	public record FieldProblem(String field, String message) {
	}

	private final transient List<FieldProblem> problems;

	public InvalidInputException(List<FieldProblem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
