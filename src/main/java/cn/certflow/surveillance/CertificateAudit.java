package cn.certflow.surveillance;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import java.util.Date;
import java.util.Set;

import cn.certflow.application.ApplicationVariables;
import cn.certflow.audit.AuditVariables;
import cn.certflow.certificate.CertificateVariables;
import cn.certflow.planning.AuditType;
import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * The {@code certificate-audit} process (processes/certificate-audit.bpmn), called by the
 * certificate lifecycle for every audit after the initial one: audit time, plan (or
 * postpone), the reusable {@code onsite-audit}, and a decision by someone who was not on
 * the team (R-DEC-1) that is then applied to the certificate.
 */
public final class CertificateAudit {

	public static final String KEY = "certificate-audit";

	/** Element ids of processes/certificate-audit.bpmn. */
	public static final class Elements {

		public static final String DETERMINE_AUDIT_TIME = "Task_DetermineAuditTime";

		public static final String PLAN_AUDIT = "Task_PlanCertificateAudit";

		/** Non-interrupting timer at {@code ${auditDueDate}} on the plan task. */
		public static final String PLANNING_OVERDUE = "BoundaryEvent_PlanningOverdue";

		/**
		 * Managers act on a plan not made in time
		 * ({@link Kind#escalatesOverduePlanning()}).
		 */
		public static final String HANDLE_OVERDUE_PLANNING = "Task_HandleOverduePlanning";

		public static final String OVERDUE_PLANNING_HANDLED = "EndEvent_OverduePlanningHandled";

		/** The calling lifecycle escalates this kind's overdue plan. */
		public static final String OVERDUE_LEFT_TO_CALLER = "EndEvent_OverdueLeftToCaller";

		public static final String ONSITE_AUDIT = "CallActivity_OnsiteAudit";

		public static final String RECOMMEND_SANCTION = "Task_RecommendSanction";

		public static final String DECIDE = "Task_DecideCertificateAudit";

		/** One outgoing path per decision of {@link Kind#decisions()}. */
		public static final String DECISION_GATEWAY = "Gateway_Decision";

		public static final String DOWNGRADE = "Task_DowngradeCertificate";

		/**
		 * Sends the suspension to the lifecycle and closes the audit (issue 21 point 5).
		 */
		public static final String SUSPEND = "Task_SuspendCertificate";

		public static final String WITHDRAW = "Task_WithdrawCertificate";

		public static final String APPLY_APPROVAL = "Task_ApplyApproval";

		public static final String NOTIFY_REFUSAL = "Task_NotifyRefusal";

		/** Asynchronous, retried after 1, 5 and 30 minutes when the mail server fails. */
		public static final String MAIL_REFUSAL = "Task_MailRefusal";

		public static final String AUDIT_CLOSED = "EndEvent_AuditClosed";

		public static final String CERTIFICATE_WITHDRAWN = "EndEvent_CertificateWithdrawn";

		private Elements() {
		}

	}

	/** Why the audit is done; sets the audit-time basis and the decisions allowed. */
	public enum Kind {

		/** R-SUR-1: annual surveillance, 0.6 × initial. */
		SURVEILLANCE(AuditType.SURVEILLANCE, true),
		/** R-SUR-2: extra or special audit on a trigger, as a surveillance. */
		SPECIAL(AuditType.SURVEILLANCE, true),
		/** R-REC-1: 0.8 × initial. */
		RECERTIFICATION(AuditType.RECERTIFICATION, false),
		/** R-CHG-1 (2): premises or main service process changed: as initial. */
		CHANGE(AuditType.INITIAL, false),
		/** R-EXT-1: added scope (never below 2 person-days, the table's floor). */
		EXTENSION(AuditType.SURVEILLANCE, false),
		/** R-UPG-1: evaluation for a higher grade, as initial. */
		UPGRADE(AuditType.INITIAL, false);

		private final AuditType timeBasis;

		private final boolean surveillance;

		Kind(AuditType timeBasis, boolean surveillance) {
			this.timeBasis = timeBasis;
			this.surveillance = surveillance;
		}

		public AuditType timeBasis() {
			return this.timeBasis;
		}

		/**
		 * Surveillance-like audits end in a sanction decision; the others in approve or
		 * refuse.
		 */
		public boolean surveillance() {
			return this.surveillance;
		}

		/**
		 * Whether a plan not made by its due date is escalated by the certificate audit
		 * itself (to managers); the lifecycle escalates an annual surveillance's
		 * (监督到期未完成) and ends the cycle at expiry for a recertification.
		 */
		public boolean escalatesOverduePlanning() {
			return this != SURVEILLANCE && this != RECERTIFICATION;
		}

		public Set<String> decisions() {
			return this.surveillance ? Set.of(KEEP, DOWNGRADE, SUSPEND, WITHDRAW) : Set.of(APPROVE, REFUSE);
		}

	}

	public static final String KEEP = "KEEP";

	public static final String DOWNGRADE = "DOWNGRADE";

	public static final String SUSPEND = "SUSPEND";

	public static final String WITHDRAW = "WITHDRAW";

	public static final String APPROVE = "APPROVE";

	public static final String REFUSE = "REFUSE";

	// --- inputs from the lifecycle
	public static final VariableFactory<String> CERTIFICATE_NUMBER = CertificateVariables.CERTIFICATE_NUMBER;

	public static final VariableFactory<String> APPLICATION_NUMBER = ApplicationVariables.APPLICATION_NUMBER;

	public static final VariableFactory<String> SCHEME_ID = ApplicationVariables.SCHEME_ID;

	public static final VariableFactory<String> CLIENT_NAME = ApplicationVariables.CLIENT_NAME;

	/** {@link Kind} name. */
	public static final VariableFactory<String> AUDIT_KIND = stringVariable("auditKind");

	public static final VariableFactory<Integer> CERTIFIED_STARS = CertificateVariables.CERTIFIED_STARS;

	/** For an upgrade: the grade applied for; otherwise the certified grade. */
	public static final VariableFactory<Number> REQUESTED_STARS = ApplicationVariables.REQUESTED_STARS;

	/** The surveillance this audit is for, when it is an annual one. */
	public static final VariableFactory<Long> SURVEILLANCE_ID = CertificateVariables.SURVEILLANCE_ID;

	/** The change request this audit is for, when it is one. */
	public static final VariableFactory<Long> REQUEST_ID = CertificateVariables.REQUEST_ID;

	/** Due date of the plan task (surveillance due date, or now + planning days). */
	public static final VariableFactory<Date> AUDIT_DUE_DATE = dateVariable("auditDueDate");

	/**
	 * The latest date a surveillance may be postponed to (due + 3 months); absent → no
	 * postponement.
	 */
	public static final VariableFactory<Date> LATEST_DATE = CertificateVariables.SURVEILLANCE_LATEST_DATE;

	// --- audit time
	/** {@link Kind#escalatesOverduePlanning()} of this audit's kind. */
	public static final VariableFactory<Boolean> PLANNING_ESCALATED_HERE = booleanVariable("planningEscalatedHere");

	/** What managers did about a plan not made in time. */
	public static final VariableFactory<String> OVERDUE_PLANNING_NOTES = stringVariable("overduePlanningNotes");

	public static final VariableFactory<String> AUDIT_TIME_BASIS = stringVariable("auditTimeBasis");

	public static final VariableFactory<Number> PERSON_DAYS = AuditVariables.PERSON_DAYS;

	// --- plan (form certificate-audit-plan)
	/** PLAN or POSTPONE (surveillance only). */
	public static final VariableFactory<String> PLAN_DECISION = stringVariable("planDecision");

	public static final VariableFactory<String> POSTPONE_REASON = stringVariable("postponeReason");

	public static final VariableFactory<String> POSTPONED_TO = stringVariable("postponedTo");

	/** Multi-site: the representative site sampled (PCEC 10.3). */
	public static final VariableFactory<String> SAMPLED_SITE = stringVariable("sampledSite");

	public static final VariableFactory<String> SITES = ApplicationVariables.SITES;

	/** Open nonconformities of earlier audits, shown for follow-up (PCEC 10.1). */
	public static final VariableFactory<String> EARLIER_NONCONFORMITIES = stringVariable("earlierNonconformities");

	/**
	 * Surveillance content confirmed in the plan (PCEC 10.1): follow-up of
	 * nonconformities, use of certificate and mark.
	 */
	public static final VariableFactory<Object> AUDIT_CONTENT = customVariable("auditContent", Object.class);

	public static final VariableFactory<Long> AUDIT_ID = AuditVariables.AUDIT_ID;

	// --- onsite-audit outputs
	public static final VariableFactory<String> AUDIT_OUTCOME = AuditVariables.AUDIT_OUTCOME;

	public static final VariableFactory<Integer> STARS = AuditVariables.STARS;

	public static final VariableFactory<String> GRADE = AuditVariables.GRADE;

	// --- recommendation and decision
	public static final VariableFactory<String> RECOMMENDATION = stringVariable("recommendation");

	public static final VariableFactory<String> RECOMMENDATION_RULES = stringVariable("recommendationRules");

	/**
	 * Sanction facts ticked by the decider (SanctionReason / R-SUR-3), judged again by
	 * the rules on completion.
	 */
	public static final VariableFactory<Object> SANCTION_FACTS = customVariable("sanctionFacts", Object.class);

	/** One of {@link Kind#decisions()}. */
	public static final VariableFactory<String> DECISION = stringVariable("certificateAuditDecision");

	public static final VariableFactory<String> DECISION_REASONS = stringVariable("certificateAuditReasons");

	/**
	 * Issue 21 point 2, PCEC 10.2 "可减少": the recertification decision reduces the next
	 * cycle's surveillances ({@link SurveillanceReduction}).
	 */
	public static final VariableFactory<Boolean> REDUCE_SURVEILLANCE = booleanVariable("reduceSurveillance");

	/** Why the surveillances are reduced. */
	public static final VariableFactory<String> SURVEILLANCE_REDUCTION_REASON = stringVariable(
			"surveillanceReductionReason");

	public static final VariableFactory<Integer> DECIDED_STARS = customVariable("decidedStars", Integer.class);

	public static final VariableFactory<Boolean> SUSPENDED = booleanVariable("suspendedAfterAudit");

	private CertificateAudit() {
	}

}
