package cn.certflow.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.certflow.grading.Scheme;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.InvalidInputException.FieldProblem;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

/** Checks an application (R-APP-1) and names every bad field; used by the REST API and the Tasklist start. */
@Component
class ApplicationValidator {

	private final Validator validator;

	private final SchemeCatalog schemes;

	private final ApplicationRepository applications;

	ApplicationValidator(Validator validator, SchemeCatalog schemes, ApplicationRepository applications) {
		this.validator = validator;
		this.schemes = schemes;
		this.applications = applications;
	}

	void validate(ApplicationRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		this.validator.validate(request)
			.stream()
			.sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
			.forEach(v -> problems.add(new FieldProblem(cleanPath(v.getPropertyPath().toString()), v.getMessage())));
		if (request.creditCode() != null && !request.creditCode().isBlank()) {
			String problem = CreditCode.problem(request.creditCode());
			if (problem != null) {
				problems.add(new FieldProblem("creditCode", problem));
			}
		}
		Scheme scheme = null;
		if (request.schemeId() != null && !request.schemeId().isBlank()) {
			scheme = this.schemes.all().stream().filter(s -> s.id().equals(request.schemeId())).findFirst().orElse(null);
			if (scheme == null) {
				problems.add(new FieldProblem("schemeId", "unknown scheme '" + request.schemeId() + "', expected one of "
						+ this.schemes.all().stream().map(Scheme::id).sorted().toList()));
			}
		}
		if (scheme != null && request.requestedStars() != null
				&& (request.requestedStars() <= 0 || !scheme.labels().containsKey(request.requestedStars()))) {
			problems.add(new FieldProblem("requestedStars", "scheme " + scheme.id() + " certifies grades "
					+ scheme.labels().keySet().stream().filter(s -> s > 0).sorted().toList()));
		}
		checkDocuments(request.documents(), problems);
		if (problems.isEmpty()) {
			this.applications.findOpen(request.creditCode(), request.schemeId())
				.ifPresent(number -> problems.add(new FieldProblem("creditCode",
						"an application of this client for " + request.schemeId() + " is already in progress: " + number)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static void checkDocuments(List<String> documents, List<FieldProblem> problems) {
		if (documents == null) {
			return;
		}
		Set<DocumentType> declared = EnumSet.noneOf(DocumentType.class);
		for (int i = 0; i < documents.size(); i++) {
			String value = documents.get(i);
			try {
				declared.add(DocumentType.valueOf(value));
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				problems.add(new FieldProblem("documents[" + i + "]", "unknown document type '" + value + "'"));
			}
		}
		for (DocumentType type : DocumentType.values()) {
			if (type.mandatory() && !declared.contains(type) && !documents.isEmpty()) {
				problems.add(new FieldProblem("documents", "mandatory document missing: " + type + " (" + type.title() + ")"));
			}
		}
	}

	private static String cleanPath(String path) {
		// "categories[0].<list element>" -> "categories[0]"
		return path.replaceAll("\\.<[^>]+>", "");
	}

}
