package cn.certflow.appeal;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import java.util.Date;

import cn.certflow.application.ApplicationVariables;
import cn.certflow.certificate.CertificateVariables;
import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * The {@code appeal-complaint} process (processes/appeal-complaint.bpmn), R-APL-1 (PCEC
 * 14): recorded, acknowledged within a configured time, decided by persons not involved
 * in the contested matter, outcome communicated; a verified complaint against a certified
 * client can trigger a special audit (R-SUR-2).
 */
public final class AppealComplaint {

	public static final String KEY = "appeal-complaint";

	/** Element ids of processes/appeal-complaint.bpmn. */
	public static final class Elements {

		public static final String RECEIVED = "StartEvent_CaseReceived";

		public static final String ACKNOWLEDGE = "Task_AcknowledgeCase";

		public static final String ACKNOWLEDGEMENT_OVERDUE = "BoundaryEvent_AcknowledgementOverdue";

		public static final String RECORD_OVERDUE = "Task_RecordAcknowledgementOverdue";

		public static final String DECIDE = "Task_DecideCase";

		public static final String COMMUNICATE = "Task_CommunicateOutcome";

		public static final String REPORT_TO_LIFECYCLE = "Task_ReportToCertificateLifecycle";

		public static final String CLOSED = "EndEvent_CaseClosed";

		private Elements() {
		}

	}

	/**
	 * APPEAL (against a decision of the CB) or COMPLAINT (about the CB or a certified
	 * client).
	 */
	public enum Kind {

		APPEAL, COMPLAINT

	}

	public static final String UPHELD = "UPHELD";

	public static final String DISMISSED = "DISMISSED";

	public static final VariableFactory<Long> CASE_ID = longVariable("caseId");

	public static final VariableFactory<String> CASE_NUMBER = stringVariable("caseNumber");

	public static final VariableFactory<String> KIND = stringVariable("caseKind");

	public static final VariableFactory<String> CERTIFICATE_NUMBER = CertificateVariables.CERTIFICATE_NUMBER;

	public static final VariableFactory<String> APPLICATION_NUMBER = ApplicationVariables.APPLICATION_NUMBER;

	public static final VariableFactory<String> COMPLAINANT = stringVariable("complainant");

	public static final VariableFactory<String> SUBJECT = stringVariable("subject");

	public static final VariableFactory<String> DESCRIPTION = stringVariable("description");

	/**
	 * People involved in the contested matter (decider, audit team), who may not decide
	 * the case.
	 */
	public static final VariableFactory<String> INVOLVED_PERSONS = stringVariable("involvedPersons");

	public static final VariableFactory<Date> ACKNOWLEDGEMENT_DUE_DATE = dateVariable("acknowledgementDueDate");

	public static final VariableFactory<String> ACKNOWLEDGEMENT_TEXT = stringVariable("acknowledgementText");

	/** UPHELD or DISMISSED. */
	public static final VariableFactory<String> OUTCOME = stringVariable("caseOutcome");

	public static final VariableFactory<String> OUTCOME_REASONS = stringVariable("caseOutcomeReasons");

	/**
	 * For a complaint about a certified client: verified as the client's fault (R-SUR-2
	 * trigger).
	 */
	public static final VariableFactory<Boolean> CLIENT_AT_FAULT = booleanVariable("clientAtFault");

	public static final VariableFactory<Boolean> ESCALATED = booleanVariable("acknowledgementEscalated");

	private AppealComplaint() {
	}

}
