package cn.certflow.surveillance;

import cn.certflow.certificate.CertificateLifecycle;
import cn.certflow.certificate.CertificateService;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Judges a reported event by the trigger rules ({@link SpecialAuditTriggers}, R-SUR-2): a
 * special audit follows when one fires; the rules that fired stay on the process.
 */
@Component
class EvaluateSurveillanceEventDelegate implements JavaDelegate {

	private final SpecialAuditTriggers triggers;

	private final CertificateService certificates;

	EvaluateSurveillanceEventDelegate(SpecialAuditTriggers triggers, CertificateService certificates) {
		this.triggers = triggers;
		this.certificates = certificates;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = this.certificates.forProcess(execution).number();
		// set by the correlation that started this step, in this same transaction: no
		// task came in between
		long requestId = CertificateLifecycle.REQUEST_ID.from(execution).get();
		SpecialAuditTriggers.Judgement judged = this.triggers.judge(number, requestId,
				StatusHistory.Process.of(execution));
		CertificateLifecycle.SPECIAL_AUDIT_REQUIRED.on(execution).set(judged.specialAuditRequired());
		CertificateLifecycle.TRIGGER_RULES.on(execution).set(judged.fired());
	}

}
