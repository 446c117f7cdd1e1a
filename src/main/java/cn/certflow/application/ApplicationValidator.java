package cn.certflow.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.certflow.document.DocumentType;
import cn.certflow.grading.Scheme;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.system.InvalidInputException.FieldProblem;
import cn.certflow.system.InvalidInputException;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

/**
 * Checks an application (R-APP-1) and names every bad field; used by the REST API and the
 * Tasklist start.
 */
@Component
class ApplicationValidator {

	/** Lengths of the columns application.categories and application.sites (V1). */
	static final int MAX_CATEGORIES_LENGTH = 1000;

	static final int MAX_SITES_LENGTH = 2000;

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
			scheme = this.schemes.all()
				.stream()
				.filter(s -> s.id().equals(request.schemeId()))
				.findFirst()
				.orElse(null);
			if (scheme == null) {
				problems.add(new FieldProblem("schemeId", "unknown scheme '" + request.schemeId()
						+ "', expected one of " + this.schemes.all().stream().map(Scheme::id).sorted().toList()));
			}
		}
		if (scheme != null && request.requestedStars() != null
				&& (request.requestedStars() <= 0 || !scheme.labels().containsKey(request.requestedStars()))) {
			problems.add(new FieldProblem("requestedStars", "scheme " + scheme.id() + " certifies grades "
					+ scheme.labels().keySet().stream().filter(s -> s > 0).sorted().toList()));
		}
		checkText("clientName", request.clientName(), problems);
		checkText("clientAddress", request.clientAddress(), problems);
		checkText("legalStatus", request.legalStatus(), problems);
		checkList("categories", request.categories(), ", ", MAX_CATEGORIES_LENGTH, problems);
		checkList("sites", request.sites(), "\n", MAX_SITES_LENGTH, problems);
		checkDocuments(request.schemeId(), request.documents(), problems);
		if (problems.isEmpty()) {
			this.applications.findOpen(request.creditCode(), request.schemeId())
				.ifPresent(number -> problems.add(new FieldProblem("creditCode", "an application of this client for "
						+ request.schemeId() + " is already in progress: " + number)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	/**
	 * Control characters (a NUL byte PostgreSQL refuses, line breaks in a one-line field)
	 * have no place in a name.
	 */
	private static void checkText(String field, String value, List<FieldProblem> problems) {
		if (value != null && value.chars().anyMatch(Character::isISOControl)) {
			problems.add(new FieldProblem(field, "must not contain control characters or line breaks"));
		}
	}

	/**
	 * A list is kept joined in one column (application.categories, .sites): its entries
	 * must fit together.
	 */
	private static void checkList(String field, List<String> values, String separator, int maxLength,
			List<FieldProblem> problems) {
		if (values == null) {
			return;
		}
		for (int i = 0; i < values.size(); i++) {
			checkText(field + "[" + i + "]", values.get(i), problems);
		}
		if (values.stream().allMatch(v -> v != null) && String.join(separator, values).length() > maxLength) {
			problems.add(new FieldProblem(field, "at most " + maxLength + " characters all together"));
		}
	}

	private static void checkDocuments(String schemeId, List<String> documents, List<FieldProblem> problems) {
		if (documents == null) {
			return;
		}
		Set<DocumentType> declared = EnumSet.noneOf(DocumentType.class);
		for (int i = 0; i < documents.size(); i++) {
			String value = documents.get(i);
			try {
				DocumentType type = DocumentType.valueOf(value);
				if (!type.fromApplicant()) {
					throw new IllegalArgumentException(value);
				}
				if (!declared.add(type)) {
					problems.add(new FieldProblem("documents[" + i + "]", value + " is listed twice"));
				}
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				problems.add(new FieldProblem("documents[" + i + "]", "unknown document type '" + value + "'"));
			}
		}
		for (DocumentType type : DocumentType.values()) {
			if (type.fromApplicant() && type.mandatoryFor(schemeId) && !declared.contains(type)
					&& !documents.isEmpty()) {
				problems.add(new FieldProblem("documents",
						"mandatory document missing: " + type + " (" + type.title() + ")"));
			}
		}
	}

	private static String cleanPath(String path) {
		// "categories[0].<list element>" -> "categories[0]"
		return path.replaceAll("\\.<[^>]+>", "");
	}

}
