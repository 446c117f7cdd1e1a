package cn.certflow.certificate;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import java.util.Date;
import java.util.List;

import cn.certflow.application.ApplicationVariables;
import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * The {@code certificate-lifecycle} process (processes/certificate-lifecycle.bpmn): one
 * instance per certificate, business key = certificate number, started when the
 * certificate is issued. Annual surveillance, recertification, expiry, and the messages
 * of {@link Message} (R-SUR-*, R-REC-1, R-CHG-1, R-EXT-1, R-SUS-1, R-UPG-1).
 */
public final class CertificateLifecycle {

	public static final String KEY = "certificate-lifecycle";

	/** Element ids of processes/certificate-lifecycle.bpmn. */
	public static final class Elements {

		public static final String START = "StartEvent_CertificateIssued";

		public static final String SCHEDULE_CYCLE = "Task_ScheduleCycle";

		public static final String CERTIFICATION_CYCLE = "SubProcess_CertificationCycle";

		public static final String ANNUAL_SURVEILLANCE = "SubProcess_AnnualSurveillance";

		public static final String SURVEILLANCE_PLANNING_TIME = "TimerEvent_SurveillancePlanningTime";

		public static final String OPEN_SURVEILLANCE = "Task_OpenSurveillance";

		public static final String SURVEILLANCE_AUDIT = "CallActivity_SurveillanceAudit";

		public static final String SURVEILLANCE_OVERDUE = "BoundaryEvent_SurveillanceOverdue";

		public static final String HANDLE_OVERDUE_SURVEILLANCE = "Task_HandleOverdueSurveillance";

		public static final String POSTPONEMENT_EXHAUSTED = "BoundaryEvent_PostponementExhausted";

		public static final String SUSPEND_FOR_MISSED_SURVEILLANCE = "CallActivity_SuspendForMissedSurveillance";

		public static final String RECERTIFICATION_REMINDER_TIME = "TimerEvent_RecertificationReminder";

		public static final String SEND_RECERTIFICATION_REMINDER = "Task_SendRecertificationReminder";

		public static final String RECEIVE_RECERTIFICATION = "Task_ReceiveRecertificationApplication";

		public static final String REVIEW_RECERTIFICATION_DOCUMENTS = "Task_ReviewRecertificationDocuments";

		public static final String RECERTIFICATION_AUDIT = "CallActivity_RecertificationAudit";

		public static final String WAIT_FOR_EXPIRY = "TimerEvent_WaitForExpiry";

		public static final String CERTIFICATE_EXPIRES = "BoundaryEvent_CertificateExpires";

		public static final String EXPIRE_CERTIFICATE = "Task_ExpireCertificate";

		public static final String CERTIFICATE_EXPIRED = "EndEvent_CertificateExpired";

		public static final String CERTIFICATE_WITHDRAWN_BOUNDARY = "BoundaryEvent_CertificateWithdrawn";

		public static final String CERTIFICATE_WITHDRAWN = "EndEvent_CertificateWithdrawn";

		public static final String CERTIFICATE_CANCELLED_BOUNDARY = "BoundaryEvent_CertificateCancelled";

		public static final String CERTIFICATE_CANCELLED = "EndEvent_CertificateCancelled";

		public static final String REVIEW_CHANGE_REQUEST = "Task_ReviewChangeRequest";

		public static final String CHANGE_AUDIT = "CallActivity_ChangeAudit";

		public static final String REISSUE_FOR_CHANGE = "Task_ReissueForChange";

		public static final String SUSPENSION_ON_REQUEST = "CallActivity_SuspensionOnRequest";

		public static final String WITHDRAW_ON_REQUEST = "Task_WithdrawOnRequest";

		public static final String CANCEL_ON_REQUEST = "Task_CancelOnRequest";

		public static final String EVALUATE_SURVEILLANCE_EVENT = "Task_EvaluateSurveillanceEvent";

		public static final String SPECIAL_AUDIT = "CallActivity_SpecialAudit";

		public static final String TRANSITION_DEADLINE = "TimerEvent_TransitionDeadline";

		public static final String CHECK_TRANSITION = "Task_CheckTransition";

		/** Asynchronous: the client is told why the certificate will not be renewed. */
		public static final String MAIL_PENDING_NOTICES = "Task_MailPendingNotices";

		/**
		 * The cycle ended on its expiry date, not renewed (then the certificate expires).
		 */
		public static final String CYCLE_ENDED = "EndEvent_CycleEnded";

		/** The cycle ended renewed (then a new cycle starts). */
		public static final String CYCLE_RENEWED = "EndEvent_CycleRenewed";

		/** A reported surveillance event that called for no special audit (R-SUR-2). */
		public static final String NO_SPECIAL_AUDIT = "EndEvent_NoSpecialAudit";

		private Elements() {
		}

	}

	/**
	 * Messages the lifecycle receives; each is sent by {@code POST
	 * /api/certificates/{number}/…}.
	 */
	public static final class Message {

		/**
		 * Change (R-CHG-1), extension (R-EXT-1), upgrade (R-UPG-1) or transition to a new
		 * rule: {@link #CHANGE_KIND}.
		 */
		public static final String CHANGE_REQUESTED = "CertificateChangeRequested";

		/** Suspension by the CB or at the client's request (R-SUS-1). */
		public static final String SUSPENSION_REQUESTED = "CertificateSuspensionRequested";

		/** Withdrawal (撤销) by the CB (R-SUS-1). */
		public static final String WITHDRAWAL_REQUESTED = "CertificateWithdrawalRequested";

		/** Cancellation (注销) at the client's request (R-SUS-1). */
		public static final String CANCELLATION_REQUESTED = "CertificateCancellationRequested";

		/**
		 * Something happened to the client that may call for a special audit (R-SUR-2).
		 */
		public static final String SURVEILLANCE_EVENT_REPORTED = "SurveillanceEventReported";

		/**
		 * The CB set a deadline to transition to a new standard or rule (R-CHG-1 (3)).
		 */
		public static final String TRANSITION_DEADLINE_SET = "TransitionDeadlineSet";

		private Message() {
		}

	}

	/** BPMN error codes that end the certificate's cycle. */
	public static final class Errors {

		public static final String CERTIFICATE_WITHDRAWN = "CertificateWithdrawn";

		public static final String CERTIFICATE_CANCELLED = "CertificateCancelled";

		private Errors() {
		}

	}

	/** What a change request asks for (R-CHG-1, R-EXT-1, R-UPG-1). */
	public enum ChangeKind {

		/** R-CHG-1 (1): the holder's name changed → document review → reissue. */
		NAME,
		/**
		 * R-CHG-1 (2): premises changed (a new address) → on-site audit as initial →
		 * reissue.
		 */
		PREMISES,
		/**
		 * R-CHG-1 (2), PCEC 12.1(2): the main service process changed at the same address
		 * → on-site audit as initial → reissue; no new address asked.
		 */
		SERVICE_PROCESS,
		/**
		 * R-EXT-1: added scope → review → on-site audit when needed → reissue with the
		 * wider scope.
		 */
		EXTENSION,
		/** R-UPG-1: a higher grade, after one year → evaluation → reissue. */
		UPGRADE,
		/**
		 * PCEC 12.3 (获证企业可以向PCEC主动申请降级): the client asks for a lower grade → review →
		 * reissue at that grade, no audit.
		 */
		DOWNGRADE,
		/**
		 * R-CHG-1 (3): transition to the new standard or rule → review → reissue under
		 * it.
		 */
		TRANSITION

	}

	// --- the certificate (set at start)
	public static final VariableFactory<String> CERTIFICATE_NUMBER = CertificateVariables.CERTIFICATE_NUMBER;

	public static final VariableFactory<String> APPLICATION_NUMBER = ApplicationVariables.APPLICATION_NUMBER;

	public static final VariableFactory<String> SCHEME_ID = ApplicationVariables.SCHEME_ID;

	/**
	 * The holder's name, for task titles and the audits the lifecycle calls (each called
	 * instance takes its own copy when it starts, for its task titles): copied from the
	 * certificate at issue and read again from it after every change
	 * ({@link HolderNameListener}, R-ID-1).
	 */
	public static final VariableFactory<String> CLIENT_NAME = ApplicationVariables.CLIENT_NAME;

	public static final VariableFactory<Integer> CERTIFIED_STARS = CertificateVariables.CERTIFIED_STARS;

	public static final VariableFactory<String> CERTIFIED_GRADE = stringVariable("certifiedGrade");

	// --- the cycle (set by Task_ScheduleCycle)
	public static final VariableFactory<Date> CYCLE_START = dateVariable("cycleStartDate");

	/**
	 * The moment the certificate stops being valid: the day after its last valid day,
	 * 00:00.
	 */
	public static final VariableFactory<Date> EXPIRY_DATE = dateVariable("expiryDate");

	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static final VariableFactory<List<Integer>> SURVEILLANCE_YEARS = (VariableFactory) customVariable(
			"surveillanceYears", List.class);

	public static final VariableFactory<String> SURVEILLANCE_FREQUENCY_RULES = stringVariable(
			"surveillanceFrequencyRules");

	public static final VariableFactory<Date> RECERTIFICATION_REMINDER_DATE = dateVariable(
			"recertificationReminderDate");

	public static final VariableFactory<Boolean> RENEWED = booleanVariable("renewed");

	/**
	 * Who sent the last message (the user our API authenticated); status changes it
	 * causes are recorded under them.
	 */
	public static final VariableFactory<String> ACTOR = stringVariable("actor");

	/**
	 * Local input of the status-changing service tasks: why, and (optionally) on whose
	 * request.
	 */
	public static final VariableFactory<String> STATUS_REASON = stringVariable("statusReason");

	public static final VariableFactory<String> STATUS_ACTOR = stringVariable("statusActor");

	// --- one annual surveillance (local to its multi-instance body)
	public static final VariableFactory<Integer> SURVEILLANCE_YEAR = customVariable("surveillanceYear", Integer.class);

	public static final VariableFactory<Long> SURVEILLANCE_ID = CertificateVariables.SURVEILLANCE_ID;

	public static final VariableFactory<Date> SURVEILLANCE_PLANNING_DATE = dateVariable("surveillancePlanningDate");

	/** Due date of the surveillance (R-SUR-1): cycle start + N years. */
	public static final VariableFactory<Date> SURVEILLANCE_DUE_DATE = dateVariable("surveillanceDueDate");

	/** Due date + 3 months: postponement ends here, then suspension is proposed. */
	public static final VariableFactory<Date> SURVEILLANCE_LATEST_DATE = CertificateVariables.SURVEILLANCE_LATEST_DATE;

	public static final VariableFactory<String> OVERDUE_NOTES = stringVariable("overdueNotes");

	// --- recertification (R-REC-1)
	/** APPLY or NOT_APPLYING. */
	public static final VariableFactory<String> RECERTIFICATION_DECISION = stringVariable("recertificationDecision");

	public static final VariableFactory<Boolean> CHANGES_DECLARED = booleanVariable("changesDeclared");

	public static final VariableFactory<String> CHANGES_DESCRIPTION = stringVariable("changesDescription");

	/** PASSED or FAILED. */
	public static final VariableFactory<String> RECERTIFICATION_DOCUMENTS_OUTCOME = stringVariable(
			"recertificationDocumentsOutcome");

	public static final VariableFactory<String> RECERTIFICATION_DOCUMENT_FINDINGS = stringVariable(
			"recertificationDocumentFindings");

	// --- change, extension, upgrade, transition (message CertificateChangeRequested)
	public static final VariableFactory<Long> REQUEST_ID = CertificateVariables.REQUEST_ID;

	public static final VariableFactory<String> CHANGE_KIND = stringVariable("changeKind");

	public static final VariableFactory<String> CHANGE_DESCRIPTION = stringVariable("changeDescription");

	public static final VariableFactory<String> NEW_HOLDER_NAME = stringVariable("newHolderName");

	public static final VariableFactory<String> NEW_HOLDER_ADDRESS = stringVariable("newHolderAddress");

	public static final VariableFactory<String> ADDED_SCOPE = stringVariable("addedScope");

	public static final VariableFactory<Number> REQUESTED_STARS = ApplicationVariables.REQUESTED_STARS;

	public static final VariableFactory<String> NEW_RULE_DOCUMENT = stringVariable("newRuleDocument");

	/** ACCEPT or REJECT. */
	public static final VariableFactory<String> CHANGE_REVIEW_OUTCOME = stringVariable("changeReviewOutcome");

	public static final VariableFactory<String> CHANGE_REVIEW_NOTES = stringVariable("changeReviewNotes");

	/**
	 * Whether the change needs an on-site audit (always for PREMISES and UPGRADE; the
	 * reviewer decides for EXTENSION).
	 */
	public static final VariableFactory<Boolean> ONSITE_AUDIT_NEEDED = booleanVariable("onsiteAuditNeeded");

	// --- suspension, withdrawal, cancellation (R-SUS-1)
	public static final VariableFactory<String> SUSPENSION_REASON = CertificateVariables.SUSPENSION_REASON;

	/** CB or CLIENT. */
	public static final VariableFactory<String> REQUESTED_BY = CertificateVariables.REQUESTED_BY;

	public static final VariableFactory<String> WITHDRAWAL_REASON = stringVariable("withdrawalReason");

	public static final VariableFactory<String> CANCELLATION_REASON = stringVariable("cancellationReason");

	// --- surveillance events (R-SUR-2)
	public static final VariableFactory<String> EVENT_KIND = stringVariable("eventKind");

	public static final VariableFactory<String> EVENT_EVIDENCE = stringVariable("eventEvidence");

	public static final VariableFactory<Date> EVENT_DATE = dateVariable("eventDate");

	public static final VariableFactory<Boolean> SPECIAL_AUDIT_REQUIRED = booleanVariable("specialAuditRequired");

	public static final VariableFactory<String> TRIGGER_RULES = stringVariable("triggerRules");

	// --- transition (R-CHG-1 (3))
	public static final VariableFactory<Date> TRANSITION_DEADLINE = dateVariable("transitionDeadline");

	public static final VariableFactory<String> TRANSITION_RULE_DOCUMENT = stringVariable("transitionRuleDocument");

	public static final VariableFactory<Boolean> TRANSITIONED = booleanVariable("transitioned");

	private CertificateLifecycle() {
	}

}
