package cn.certflow.audit;

import java.util.Map;

import cn.certflow.application.ApplicationService;
import cn.certflow.grading.GradeResult;
import cn.certflow.grading.GradingService;
import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The lead auditor's scoring on the scheme's sheet: score computed, grade from the
 * scheme's DMN table with its version and explanation, recorded with who scored when
 * (R-GRD-*, R-AUD-1). A bad score rejects the completion.
 */
@Component
class AuditScoringListener implements TaskListener {

	private final GradingService grading;

	private final AuditScoring scoring;

	private final CurrentUser currentUser;

	private final AuditService audits;

	private final ApplicationService applications;

	AuditScoringListener(GradingService grading, AuditScoring scoring, CurrentUser currentUser, AuditService audits,
			ApplicationService applications) {
		this.grading = grading;
		this.scoring = scoring;
		this.currentUser = currentUser;
		this.audits = audits;
		this.applications = applications;
	}

	@Override
	public void notify(DelegateTask task) {
		Map<String, Object> entered = task.getVariables();
		// the audit and its scheme from our records: the scheme decides the sheet and the
		// grade table
		AuditRecord audit = this.audits.currentAudit(task.getExecution());
		String schemeId = this.applications.byId(audit.applicationId()).schemeId();
		GradeResult result = this.grading.grade(schemeId, entered);
		this.scoring.record(audit.id(), result, entered, this.currentUser.id(task));
		OnsiteAudit.SCORE.on(task).set(result.displayScore());
		OnsiteAudit.STARS.on(task).set(result.stars());
		OnsiteAudit.GRADE.on(task).set(result.grade());
		OnsiteAudit.GRADE_EXPLANATION.on(task).set(String.join("\n", result.explanation()));
		OnsiteAudit.GRADE_DECISION_VERSION.on(task).set(result.decisionVersion());
	}

}
