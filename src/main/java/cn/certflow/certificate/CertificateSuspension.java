package cn.certflow.certificate;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import java.util.Date;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * The {@code certificate-suspension} process (processes/certificate-suspension.bpmn),
 * R-SUS-1: the certificate is suspended; the cause must be cleared and verified within 6
 * months (configurable), else the certificate is withdrawn (BPMN error
 * {@link CertificateLifecycle.Errors#CERTIFICATE_WITHDRAWN}, caught by the lifecycle).
 */
public final class CertificateSuspension {

	public static final String KEY = "certificate-suspension";

	/** Element ids of processes/certificate-suspension.bpmn. */
	public static final class Elements {

		public static final String SUSPEND = "Task_SuspendCertificate";

		public static final String VERIFY_LIFTING = "Task_VerifyLifting";

		public static final String SUSPENSION_ENDS = "BoundaryEvent_SuspensionEnds";

		public static final String LIFT = "Task_LiftSuspension";

		public static final String WITHDRAW = "Task_WithdrawAfterSuspension";

		public static final String LIFTED = "EndEvent_SuspensionLifted";

		public static final String WITHDRAWN = "EndEvent_CertificateWithdrawn";

		/** PCEC 12.3: whether the client asked for the suspension itself. */
		public static final String ASKED_BY_CLIENT = "Gateway_SuspensionAskedByClient";

		public static final String CANCEL = "Task_CancelAfterSuspension";

		public static final String CANCELLED = "EndEvent_CertificateCancelled";

		private Elements() {
		}

	}

	public static final VariableFactory<String> CERTIFICATE_NUMBER = CertificateVariables.CERTIFICATE_NUMBER;

	public static final VariableFactory<String> SUSPENSION_REASON = CertificateVariables.SUSPENSION_REASON;

	/** CB or CLIENT. */
	public static final VariableFactory<String> REQUESTED_BY = CertificateVariables.REQUESTED_BY;

	/** The last moment the suspension may last (suspended + 6 months). */
	public static final VariableFactory<Date> SUSPENSION_END_DATE = dateVariable("suspensionEndDate");

	public static final VariableFactory<Boolean> CAUSE_CLEARED = booleanVariable("causeCleared");

	public static final VariableFactory<String> VERIFICATION_NOTES = stringVariable("verificationNotes");

	private CertificateSuspension() {
	}

}
