package cn.certflow.surveillance;

import java.time.LocalDate;
import java.util.Date;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.EngineTime;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/**
 * A special, change, extension or upgrade audit not planned by its due date (PCEC 10.2,
 * 12.1, 12.2; regulatory clock CERTIFICATE_AUDIT_PLANNING): escalated to managers, what
 * they did recorded on the certificate's audits (status history CERTIFICATE_AUDIT, in the
 * accreditation file). An annual surveillance's is the lifecycle's
 * ({@link SurveillanceService#escalate}).
 */
@Service
class OverduePlanning {

	static final String ESCALATED = "ESCALATED";

	static final String HANDLED = "ESCALATION_HANDLED";

	private final CertificateAuditRecords records;

	private final StatusHistory history;

	OverduePlanning(CertificateAuditRecords records, StatusHistory history) {
		this.records = records;
		this.history = history;
	}

	void escalate(DelegateTask task, CertificateAudit.Kind kind, Date dueDate) {
		LocalDate due = EngineTime.toLocalDate(dueDate);
		this.history.record(StatusHistory.Entity.CERTIFICATE_AUDIT, number(task), null, ESCALATED, CurrentUser.SYSTEM,
				kind.name() + " audit not planned by its due date " + due + ": escalated to managers",
				StatusHistory.Process.of(task));
	}

	void handled(DelegateTask task, String notes, String by) {
		this.history.record(StatusHistory.Entity.CERTIFICATE_AUDIT, number(task), ESCALATED, HANDLED, by, notes,
				StatusHistory.Process.of(task));
	}

	private String number(DelegateTask task) {
		return this.records.certificate(task.getExecution()).number();
	}

}
