package cn.certflow.audit;

import cn.certflow.grading.GradeResult;
import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The lead auditor's scoring on the scheme's sheet: score computed, grade from the
 * scheme's DMN table with its version and explanation, recorded with who scored when
 * (R-GRD-*, R-AUD-1; {@link AuditScoring}). A bad score rejects the completion.
 */
@Component
class AuditScoringListener implements TaskListener {

	private final AuditScoring scoring;

	private final CurrentUser currentUser;

	AuditScoringListener(AuditScoring scoring, CurrentUser currentUser) {
		this.scoring = scoring;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		GradeResult result = this.scoring.grade(task.getExecution(), task.getVariables(), this.currentUser.id(task));
		OnsiteAudit.SCORE.on(task).set(result.displayScore());
		OnsiteAudit.STARS.on(task).set(result.stars());
		OnsiteAudit.GRADE.on(task).set(result.grade());
		OnsiteAudit.GRADE_EXPLANATION.on(task).set(String.join("\n", result.explanation()));
		OnsiteAudit.GRADE_DECISION_VERSION.on(task).set(result.decisionVersion());
	}

}
