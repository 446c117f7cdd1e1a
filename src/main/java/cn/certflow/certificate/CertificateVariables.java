package cn.certflow.certificate;

import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import java.util.Date;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * The one owner of the variables that describe a certificate and cross from process to
 * process: set by initial-certification when it issues the certificate, passed by
 * certificate-lifecycle into certificate-audit and certificate-suspension, and named by
 * appeal-complaint. The process classes refer to these; no other class declares their
 * names.
 */
public final class CertificateVariables {

	public static final VariableFactory<String> CERTIFICATE_NUMBER = stringVariable("certificateNumber");

	public static final VariableFactory<Integer> CERTIFIED_STARS = customVariable("certifiedStars", Integer.class);

	/** The annual surveillance a certificate-audit is for, when it is one. */
	public static final VariableFactory<Long> SURVEILLANCE_ID = longVariable("surveillanceId");

	/**
	 * The latest date an annual surveillance may be postponed to (PCEC 10.2); absent → no
	 * postponement.
	 */
	public static final VariableFactory<Date> SURVEILLANCE_LATEST_DATE = dateVariable("surveillanceLatestDate");

	/** The change request a certificate-audit is for, when it is one. */
	public static final VariableFactory<Long> REQUEST_ID = longVariable("requestId");

	/** Why the certificate is suspended (certificate-suspension's input). */
	public static final VariableFactory<String> SUSPENSION_REASON = stringVariable("suspensionReason");

	/** CB or CLIENT. */
	public static final VariableFactory<String> REQUESTED_BY = stringVariable("requestedBy");

	private CertificateVariables() {
	}

}
