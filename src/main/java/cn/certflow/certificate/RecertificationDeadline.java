package cn.certflow.certificate;

import java.time.LocalDate;
import java.util.Date;

import cn.certflow.system.EngineTime;
import cn.certflow.system.FormInput;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * R-REC-1, PCEC 11 "获证企业应在认证证书有效期满前至少3个月向PCEC提出再认证申请": an application the client makes
 * after the deadline (expiry − the regulatory clock's
 * RECERTIFICATION_APPLICATION_DEADLINE, set by {@link CycleSchedule}) is accepted only
 * with the reason recorded; one in time needs none. The audit and decision must still
 * come before expiry, else the certificate expires.
 */
final class RecertificationDeadline {

	private RecertificationDeadline() {
	}

	/**
	 * The reason of a late application, required after the deadline; null when in time.
	 */
	static String lateReason(VariableScope task, LocalDate today) {
		Date deadline = CertificateLifecycle.RECERTIFICATION_DEADLINE.from(task).getOrNull();
		if (deadline == null || !today.isAfter(EngineTime.toLocalDate(deadline))) {
			return null;
		}
		return FormInput.requiredText(CertificateLifecycle.LATE_APPLICATION_REASON, task,
				"申请晚于再认证申请截止日 " + EngineTime.toLocalDate(deadline) + "（PCEC 11），须填写逾期申请理由");
	}

}
