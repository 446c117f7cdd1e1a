package cn.certflow.application;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import java.util.Date;

import cn.certflow.grading.ScoringVariables;
import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * The {@code initial-certification} process (processes/initial-certification.bpmn): its
 * key, the element ids code and tests refer to, and its typed variables. No variable name
 * of this process appears as a literal elsewhere.
 */
public final class InitialCertification {

	public static final String KEY = "initial-certification";

	/** Element ids of processes/initial-certification.bpmn. */
	public static final class Elements {

		public static final String START = "StartEvent_ApplicationReceived";

		public static final String REGISTER_APPLICATION = "Task_RegisterApplication";

		public static final String REVIEW_APPLICATION = "Task_ReviewApplication";

		public static final String REVIEW_OVERDUE = "BoundaryEvent_ReviewOverdue";

		public static final String RECORD_ESCALATION = "Task_RecordEscalation";

		public static final String HANDLE_OVERDUE_REVIEW = "Task_HandleOverdueReview";

		public static final String ESCALATION_HANDLED = "EndEvent_EscalationHandled";

		public static final String REJECT_APPLICATION = "Task_RejectApplication";

		/**
		 * E-mails the rejection notice (asynchronous, retried with backoff, then an
		 * incident).
		 */
		public static final String NOTIFY_REJECTION = "Task_NotifyRejection";

		public static final String APPLICATION_REJECTED = "EndEvent_ApplicationRejected";

		public static final String SIGN_CONTRACT = "Task_SignContract";

		/**
		 * PCEC 8.1 (issue 20.3): the audit team, appointed before the document review it
		 * does.
		 */
		public static final String APPOINT_AUDIT_TEAM = "Task_AppointAuditTeam";

		public static final String REVIEW_DOCUMENTS = "Task_ReviewDocuments";

		/**
		 * The client's task in the portal (issue 18 point 3), candidate group clients.
		 */
		public static final String SUBMIT_CORRECTIONS = "Task_SubmitCorrections";

		/**
		 * The corrections' deadline passed (non-interrupting: the client may still send).
		 */
		public static final String DOCUMENT_CORRECTIONS_OVERDUE = "BoundaryEvent_DocumentCorrectionsOverdue";

		/** The audit team's lead or a reviewer follows up the overdue corrections. */
		public static final String HANDLE_OVERDUE_DOCUMENT_CORRECTIONS = "Task_HandleOverdueDocumentCorrections";

		/**
		 * E-mails the document review findings, on a branch of its own: the corrections
		 * task does not wait.
		 */
		public static final String NOTIFY_DOCUMENT_FINDINGS = "Task_NotifyDocumentFindings";

		public static final String DETERMINE_AUDIT_TIME = "Task_DetermineAuditTime";

		public static final String PLAN_AUDIT = "Task_PlanAudit";

		public static final String ONSITE_AUDIT = "CallActivity_OnsiteAudit";

		public static final String NOTIFY_AUDIT_TERMINATION = "Task_NotifyAuditTermination";

		public static final String AUDIT_TERMINATED = "EndEvent_AuditTerminated";

		public static final String CERTIFICATION_DECISION = "Task_CertificationDecision";

		public static final String REFUSE_CERTIFICATION = "Task_RefuseCertification";

		public static final String NOTIFY_REFUSAL = "Task_NotifyRefusal";

		public static final String CERTIFICATION_REFUSED = "EndEvent_CertificationRefused";

		public static final String ISSUE_CERTIFICATE = "Task_IssueCertificate";

		public static final String NOTIFY_CERTIFICATE_ISSUED = "Task_NotifyCertificateIssued";

		public static final String CERTIFICATE_ISSUED = "EndEvent_CertificateIssued";

		private Elements() {
		}

	}

	// --- the application (start form / POST /api/applications), R-APP-1
	public static final VariableFactory<String> APPLICATION_NUMBER = ApplicationVariables.APPLICATION_NUMBER;

	public static final VariableFactory<String> SUBMITTED_BY = stringVariable("submittedBy");

	public static final VariableFactory<String> CLIENT_NAME = ApplicationVariables.CLIENT_NAME;

	public static final VariableFactory<String> CLIENT_ADDRESS = stringVariable("clientAddress");

	public static final VariableFactory<String> CREDIT_CODE = ApplicationVariables.CREDIT_CODE;

	public static final VariableFactory<String> LEGAL_STATUS = stringVariable("legalStatus");

	public static final VariableFactory<String> SCHEME_ID = ApplicationVariables.SCHEME_ID;

	public static final VariableFactory<Number> REQUESTED_STARS = ApplicationVariables.REQUESTED_STARS;

	public static final VariableFactory<String> TECHNICAL_AREA = stringVariable("technicalArea");

	/** Professional categories, comma separated. */
	public static final VariableFactory<String> CATEGORIES = stringVariable("categories");

	/** Sites, one per line. */
	public static final VariableFactory<String> SITES = ApplicationVariables.SITES;

	public static final VariableFactory<Number> HEADCOUNT = customVariable("headcount", Number.class);

	/** Where notices to the client are e-mailed; optional. */
	public static final VariableFactory<String> CONTACT_EMAIL = stringVariable("contactEmail");

	/**
	 * Document types the client provides (PCEC 6.2): a JSON array from the start form or
	 * a comma list.
	 */
	public static final VariableFactory<Object> DECLARED_DOCUMENTS = customVariable("declaredDocuments", Object.class);

	// --- application review, R-APP-2/3
	public static final VariableFactory<Date> REVIEW_DUE_DATE = dateVariable("reviewDueDate");

	/** ACCEPT or REJECT. */
	public static final VariableFactory<String> REVIEW_OUTCOME = stringVariable("reviewOutcome");

	public static final VariableFactory<String> REJECTION_REASON = stringVariable("rejectionReason");

	public static final VariableFactory<String> REVIEW_NOTES = stringVariable("reviewNotes");

	// --- credit-information lookups of the review, R-CRED-1 (PCEC 7.1, ZHHT 5.2.1 a)
	/** What was looked up where (系统与查询内容). */
	public static final VariableFactory<String> CREDIT_LOOKED_UP = stringVariable("creditLookedUp");

	/** Day of the lookups (yyyy-MM-dd). */
	public static final VariableFactory<String> CREDIT_CHECKED_ON = stringVariable("creditCheckedOn");

	/** CLEAR, PENALTY_CLEARED or PENALTY_OPEN. */
	public static final VariableFactory<String> CREDIT_PENALTY = stringVariable("creditPenalty");

	/** CLEAR or LISTED. */
	public static final VariableFactory<String> CREDIT_ABNORMAL_LIST = stringVariable("creditAbnormalList");

	/** CLEAR or LISTED. */
	public static final VariableFactory<String> CREDIT_SERIOUS_LIST = stringVariable("creditSeriousList");

	// --- the client on record beside the client as applied (R-ID-1), set when the review
	// task is created
	public static final VariableFactory<String> RECORDED_CLIENT_NAME = stringVariable("recordedClientName");

	public static final VariableFactory<String> RECORDED_CLIENT_ADDRESS = stringVariable("recordedClientAddress");

	public static final VariableFactory<String> RECORDED_LEGAL_STATUS = stringVariable("recordedLegalStatus");

	/**
	 * Whether the application's name, address or legal status differs from the client on
	 * record.
	 */
	public static final VariableFactory<Boolean> CLIENT_RECORD_DIFFERS = booleanVariable("clientRecordDiffers");

	/**
	 * The client's certificates in force that confirming the difference concerns, one per
	 * line (PCEC 12.1).
	 */
	public static final VariableFactory<String> CLIENT_CHANGE_CERTIFICATES = stringVariable("clientChangeCertificates");

	/**
	 * The reviewer confirms the client's new name and address: required to accept where
	 * they differ.
	 */
	public static final VariableFactory<Boolean> CONFIRM_CLIENT_CHANGE = booleanVariable("confirmClientChange");

	// --- contract, R-APP-4
	public static final VariableFactory<String> CONTRACT_NUMBER = stringVariable("contractNumber");

	public static final VariableFactory<String> CONTRACT_SIGNED_ON = stringVariable("contractSignedOn");

	// --- document review, R-DOC-1: PASSED or CORRECTIONS_NEEDED
	public static final VariableFactory<String> DOCUMENT_REVIEW_OUTCOME = stringVariable("documentReviewOutcome");

	public static final VariableFactory<String> DOCUMENT_FINDINGS = stringVariable("documentFindings");

	/**
	 * The client's note on its corrected documents (issue 18.3, the portal's task
	 * {@link Elements#SUBMIT_CORRECTIONS}), shown to the reviewers' next document review.
	 */
	public static final VariableFactory<String> CORRECTIONS_NOTE = stringVariable("correctionsNote");

	/**
	 * When the client's corrected documents are due (regulatory clock
	 * DOCUMENT_CORRECTIONS from the review that found them): the client task's due date
	 * and its timer.
	 */
	public static final VariableFactory<Date> DOCUMENT_CORRECTIONS_DUE_DATE = dateVariable(
			"documentCorrectionsDueDate");

	/** What the lead auditor or a reviewer did about overdue corrections. */
	public static final VariableFactory<String> OVERDUE_DOCUMENT_CORRECTIONS_NOTES = stringVariable(
			"overdueDocumentCorrectionsNotes");

	// --- planning, R-PLAN-1/2: the plan form's and onsite-audit's variables are
	// audit.AuditVariables (AuditPlanning writes them here)
	/**
	 * The plan form's choices (issue 19.5, R-COMP-1): people qualified today as lead
	 * auditor / auditor for the application's scheme and technical area, as form-js
	 * options ({@code label}, {@code value}), set when the plan task is created.
	 */
	public static final VariableFactory<Object> QUALIFIED_LEAD_AUDITORS = customVariable("qualifiedLeadAuditors",
			Object.class);

	public static final VariableFactory<Object> QUALIFIED_AUDITORS = customVariable("qualifiedAuditors", Object.class);

	/** The scoring form the audit team fills in (set at registration from the scheme). */
	public static final VariableFactory<String> SCORING_FORM = ScoringVariables.SCORING_FORM;

	// --- decision, R-DEC-1/2: CERTIFY or REFUSE
	public static final VariableFactory<String> DECISION_OUTCOME = stringVariable("decisionOutcome");

	public static final VariableFactory<String> DECISION_REASONS = stringVariable("decisionReasons");

	public static final VariableFactory<String> EXTERNAL_INFORMATION = stringVariable("externalInformation");

	/**
	 * R-DEC-3, PCEC 8.2.4/9: the written reason for certifying an audit the team did not
	 * recommend.
	 */
	public static final VariableFactory<String> NOT_RECOMMENDED_OVERRIDE = stringVariable("notRecommendedOverride");

	public static final VariableFactory<Boolean> ESCALATED = booleanVariable("reviewEscalated");

	private InitialCertification() {
	}

}
