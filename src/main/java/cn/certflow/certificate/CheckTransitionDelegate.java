package cn.certflow.certificate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * At the transition deadline: has the certificate been reissued under the new rule? If
 * not it is cancelled (R-CHG-1 (3)).
 */
@Component
class CheckTransitionDelegate implements JavaDelegate {

	private final CertificateService certificates;

	private final StatusActor actor;

	CheckTransitionDelegate(CertificateService certificates, StatusActor actor) {
		this.certificates = certificates;
		this.actor = actor;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Certificate certificate = this.certificates.forProcess(execution);
		String number = certificate.number();
		String rule = CertificateLifecycle.TRANSITION_RULE_DOCUMENT.from(execution).get();
		boolean transitioned = rule.equals(certificate.ruleDocument());
		CertificateLifecycle.TRANSITIONED.on(execution).set(transitioned);
		if (!transitioned && !certificate.status().isFinal()) {
			this.certificates.changeStatus(number, CertificateStatus.CANCELLED, this.actor.of(execution),
					"未在转换期限前转换到 " + rule + "，注销 (R-CHG-1 (3))", cn.certflow.system.StatusHistory.Process.of(execution));
		}
	}

}
