package cn.certflow.audit;

import java.util.Map;

import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.NoticeTo;
import cn.certflow.notification.Notices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Approved termination: the audit ends without a grade and the client is informed in
 * writing (R-AUD-2).
 */
@Component
class RecordTerminationDelegate implements JavaDelegate {

	private final AuditService audits;

	private final Notices notices;

	RecordTerminationDelegate(AuditService audits, Notices notices) {
		this.notices = notices;
		this.audits = audits;
	}

	@Override
	public void execute(DelegateExecution execution) {
		AuditRecord audit = this.audits.currentAudit(execution);
		this.notices.send(NoticeKind.AUDIT_TERMINATED, NoticeTo.applicationId(audit.applicationId()), Map.of("audit",
				audit.id(), "reason", OnsiteAudit.TERMINATION_REASON.from(execution).getOrDefault("见审查记录")));
	}

}
