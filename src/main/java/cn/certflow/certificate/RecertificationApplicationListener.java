package cn.certflow.certificate;

import java.util.Set;

import cn.certflow.system.EngineTime;
import cn.certflow.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The client applies for recertification (or not), any time in the last year; after the
 * application deadline only with a reason ({@link RecertificationDeadline}, PCEC 11);
 * declared changes need describing, else review is skipped (R-REC-1).
 */
@Component
class RecertificationApplicationListener implements TaskListener {

	static final String APPLY = "APPLY";

	static final String NOT_APPLYING = "NOT_APPLYING";

	@Override
	public void notify(DelegateTask task) {
		String decision = FormInput.requiredChoice(CertificateLifecycle.RECERTIFICATION_DECISION, task,
				Set.of(APPLY, NOT_APPLYING));
		if (APPLY.equals(decision)) {
			RecertificationDeadline.lateReason(task, EngineTime.today());
		}
		boolean changes = APPLY.equals(decision)
				&& Boolean.TRUE.equals(CertificateLifecycle.CHANGES_DECLARED.from(task).getOrNull());
		if (changes) {
			FormInput.requiredText(CertificateLifecycle.CHANGES_DESCRIPTION, task,
					"describe the changes the client declared; they are reviewed before the audit");
		}
		CertificateLifecycle.CHANGES_DECLARED.on(task).set(changes);
	}

}
