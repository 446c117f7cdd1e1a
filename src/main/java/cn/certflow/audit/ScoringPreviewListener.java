package cn.certflow.audit;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives the scoring task the grade table in force (issue 20 point 12), so the form's live
 * preview grades by the same rules as the engine will when the task completes.
 */
@Component
class ScoringPreviewListener implements TaskListener {

	private final AuditScoring scoring;

	ScoringPreviewListener(AuditScoring scoring) {
		this.scoring = scoring;
	}

	@Override
	public void notify(DelegateTask task) {
		OnsiteAudit.GRADE_TABLE.on(task).setLocal(this.scoring.gradeTableInForce(task.getExecution()));
	}

}
