package cn.certflow.application;

import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import java.util.Arrays;
import java.util.List;

import cn.certflow.system.FormLists;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The one owner of the variables that describe the application and cross from process to
 * process (initial-certification, onsite-audit, certificate-lifecycle, certificate-audit,
 * certificate-suspension, appeal-complaint): the process classes refer to these, no other
 * class declares their names. Also maps an application between its request form and the
 * process variables of the start form.
 */
public final class ApplicationVariables {

	/** The application's number, the business key of its processes. */
	public static final VariableFactory<String> APPLICATION_NUMBER = stringVariable("applicationNumber");

	public static final VariableFactory<String> CLIENT_NAME = stringVariable("clientName");

	public static final VariableFactory<String> SCHEME_ID = stringVariable("schemeId");

	/**
	 * The client's unified social credit code: the portal shows a client task (candidate
	 * group {@code clients}) only to the accounts of the client whose code its process
	 * carries (issue 18 point 3).
	 */
	public static final VariableFactory<String> CREDIT_CODE = stringVariable("creditCode");

	/** The grade applied for (an upgrade's, or the certified one after certification). */
	public static final VariableFactory<Number> REQUESTED_STARS = customVariable("requestedStars", Number.class);

	/** Sites, one per line. */
	public static final VariableFactory<String> SITES = stringVariable("sites");

	private ApplicationVariables() {
	}

	static VariableMap of(ApplicationRequest request) {
		VariableMap variables = Variables.createVariables();
		CLIENT_NAME.on(variables).set(request.clientName());
		InitialCertification.CLIENT_ADDRESS.on(variables).set(request.clientAddress());
		InitialCertification.CREDIT_CODE.on(variables).set(request.creditCode());
		InitialCertification.LEGAL_STATUS.on(variables).set(request.legalStatus());
		SCHEME_ID.on(variables).set(request.schemeId());
		REQUESTED_STARS.on(variables).set(request.requestedStars());
		InitialCertification.TECHNICAL_AREA.on(variables).set(request.technicalArea());
		InitialCertification.CATEGORIES.on(variables).set(String.join(", ", request.categories()));
		SITES.on(variables).set(String.join("\n", request.sites()));
		InitialCertification.HEADCOUNT.on(variables).set(request.headcount());
		InitialCertification.DECLARED_DOCUMENTS.on(variables).set(String.join(",", request.documents()));
		if (request.contactEmail() != null) {
			InitialCertification.CONTACT_EMAIL.on(variables).set(request.contactEmail());
		}
		return variables;
	}

	static ApplicationRequest read(VariableScope scope) {
		Number stars = REQUESTED_STARS.from(scope).getOrNull();
		Number headcount = InitialCertification.HEADCOUNT.from(scope).getOrNull();
		return new ApplicationRequest(CLIENT_NAME.from(scope).getOrNull(),
				InitialCertification.CLIENT_ADDRESS.from(scope).getOrNull(),
				trim(InitialCertification.CREDIT_CODE.from(scope).getOrNull()),
				InitialCertification.LEGAL_STATUS.from(scope).getOrNull(), SCHEME_ID.from(scope).getOrNull(),
				(stars != null) ? stars.intValue() : null,
				trim(InitialCertification.TECHNICAL_AREA.from(scope).getOrNull()),
				split(InitialCertification.CATEGORIES.from(scope).getOrNull(), "[,，、]"),
				split(SITES.from(scope).getOrNull(), "\\R"), (headcount != null) ? headcount.intValue() : null,
				FormLists.strings(InitialCertification.DECLARED_DOCUMENTS.from(scope).getOrNull()),
				blankToNull(trim(InitialCertification.CONTACT_EMAIL.from(scope).getOrNull())));
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
