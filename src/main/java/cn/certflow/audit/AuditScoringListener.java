package cn.certflow.audit;

import cn.certflow.grading.GradeResult;
import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The lead auditor's scoring on the scheme's sheet: score computed, grade from the
 * scheme's DMN table with its version and explanation, recorded with who scored when
 * (R-GRD-*, R-AUD-1; {@link AuditScoring}), after the client's confirmation of the
 * on-site records (PCEC 8.2.4). A bad score or a missing confirmation rejects the
 * completion. Once recorded, the sheet's item scores leave the process
 * ({@link SheetScoresKeptInRecords}).
 */
@Component
class AuditScoringListener implements TaskListener {

	private final AuditScoring scoring;

	private final CurrentUser currentUser;

	private final SheetScoresKeptInRecords keptInRecords;

	AuditScoringListener(AuditScoring scoring, CurrentUser currentUser, SheetScoresKeptInRecords keptInRecords) {
		this.scoring = scoring;
		this.currentUser = currentUser;
		this.keptInRecords = keptInRecords;
	}

	@Override
	public void notify(DelegateTask task) {
		GradeResult result = this.scoring.grade(task.getExecution(), task.getVariables(),
				new AuditScoring.RecordsConfirmation(
						Boolean.TRUE.equals(OnsiteAudit.CLIENT_CONFIRMED_RECORDS.from(task).getOrNull()),
						OnsiteAudit.RECORDS_CONFIRMED_BY.from(task).getOrNull()),
				this.currentUser.id(task));
		OnsiteAudit.SCORE.on(task).set(result.displayScore());
		OnsiteAudit.STARS.on(task).set(result.stars());
		OnsiteAudit.GRADE.on(task).set(result.grade());
		OnsiteAudit.GRADE_EXPLANATION.on(task).set(String.join("\n", result.explanation()));
		OnsiteAudit.GRADE_DECISION_VERSION.on(task).set(result.decisionVersion());
		task.getExecution()
			.removeVariables(task.getVariableNames()
				.stream()
				.filter((name) -> this.keptInRecords.keeps(OnsiteAudit.KEY, name))
				.toList());
	}

}
