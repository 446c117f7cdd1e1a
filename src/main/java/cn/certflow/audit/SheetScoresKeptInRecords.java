package cn.certflow.audit;

import cn.certflow.grading.ScoringVariables;
import cn.certflow.system.VariablesKeptInRecords;
import org.springframework.stereotype.Component;

/**
 * The scores of the sheet's items (PCEC) and indicators (CQM) as the lead auditor enters
 * them on the scoring form: {@link AuditScoring} records every one of them with the
 * audit's scoring ({@code audit_score.item_scores}, with who scored and when), where the
 * staff pages, the accreditation file and the impact report read them. As process
 * variables they would be written three times more (runtime row, its deletion when the
 * audit ends, history row) and read by nobody, so {@link AuditScoringListener} removes
 * them once recorded and the engine keeps no history of them (issue 22).
 */
@Component
class SheetScoresKeptInRecords implements VariablesKeptInRecords {

	@Override
	public boolean keeps(String processDefinitionKey, String variableName) {
		return OnsiteAudit.KEY.equals(processDefinitionKey) && ScoringVariables.isSheetScore(variableName);
	}

}
