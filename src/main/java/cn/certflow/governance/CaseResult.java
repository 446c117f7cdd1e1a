package cn.certflow.governance;

import java.util.Map;

import cn.certflow.governance.DecisionCases.DecisionCase;

/**
 * What one regression case gave.
 *
 * @param decisionCase the case
 * @param actual outputs of the first matching rule; null when no rule matched or the
 * evaluation failed
 * @param error why the evaluation failed, else null
 * @param passed whether the outputs are the expected ones
 */
record CaseResult(DecisionCase decisionCase, Map<String, Object> actual, String error, boolean passed) {

}
