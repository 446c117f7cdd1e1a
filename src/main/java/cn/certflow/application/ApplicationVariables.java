package cn.certflow.application;

import static cn.certflow.application.InitialCertification.CATEGORIES;
import static cn.certflow.application.InitialCertification.CLIENT_ADDRESS;
import static cn.certflow.application.InitialCertification.CLIENT_NAME;
import static cn.certflow.application.InitialCertification.CONTACT_EMAIL;
import static cn.certflow.application.InitialCertification.CREDIT_CODE;
import static cn.certflow.application.InitialCertification.DECLARED_DOCUMENTS;
import static cn.certflow.application.InitialCertification.HEADCOUNT;
import static cn.certflow.application.InitialCertification.LEGAL_STATUS;
import static cn.certflow.application.InitialCertification.REQUESTED_STARS;
import static cn.certflow.application.InitialCertification.SCHEME_ID;
import static cn.certflow.application.InitialCertification.SITES;
import static cn.certflow.application.InitialCertification.TECHNICAL_AREA;

import java.util.Arrays;
import java.util.List;

import cn.certflow.system.FormLists;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Maps an application between its request form and the process variables of the start
 * form.
 */
final class ApplicationVariables {

	private ApplicationVariables() {
	}

	static VariableMap of(ApplicationRequest request) {
		VariableMap variables = Variables.createVariables();
		CLIENT_NAME.on(variables).set(request.clientName());
		CLIENT_ADDRESS.on(variables).set(request.clientAddress());
		CREDIT_CODE.on(variables).set(request.creditCode());
		LEGAL_STATUS.on(variables).set(request.legalStatus());
		SCHEME_ID.on(variables).set(request.schemeId());
		REQUESTED_STARS.on(variables).set(request.requestedStars());
		TECHNICAL_AREA.on(variables).set(request.technicalArea());
		CATEGORIES.on(variables).set(String.join(", ", request.categories()));
		SITES.on(variables).set(String.join("\n", request.sites()));
		HEADCOUNT.on(variables).set(request.headcount());
		DECLARED_DOCUMENTS.on(variables).set(String.join(",", request.documents()));
		if (request.contactEmail() != null) {
			CONTACT_EMAIL.on(variables).set(request.contactEmail());
		}
		return variables;
	}

	static ApplicationRequest read(VariableScope scope) {
		Number stars = REQUESTED_STARS.from(scope).getOrNull();
		Number headcount = HEADCOUNT.from(scope).getOrNull();
		return new ApplicationRequest(CLIENT_NAME.from(scope).getOrNull(), CLIENT_ADDRESS.from(scope).getOrNull(),
				trim(CREDIT_CODE.from(scope).getOrNull()), LEGAL_STATUS.from(scope).getOrNull(),
				SCHEME_ID.from(scope).getOrNull(), (stars != null) ? stars.intValue() : null,
				trim(TECHNICAL_AREA.from(scope).getOrNull()), split(CATEGORIES.from(scope).getOrNull(), "[,，、]"),
				split(SITES.from(scope).getOrNull(), "\\R"), (headcount != null) ? headcount.intValue() : null,
				FormLists.strings(DECLARED_DOCUMENTS.from(scope).getOrNull()),
				blankToNull(trim(CONTACT_EMAIL.from(scope).getOrNull())));
	}

	private static List<String> split(String value, String separator) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	private static String trim(String value) {
		return (value != null) ? value.trim() : null;
	}

	/** Tasklist submits an empty text field as "": no contact e-mail. */
	private static String blankToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
