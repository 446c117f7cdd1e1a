package cn.certflow.system;

/**
 * Process variables whose values one of our own records keeps (issue 22, "variable values
 * that our own records already hold, form-field echoes"): the engine writes no history
 * for them ({@link HistoryWithoutVariableDetails}). A feature that records a form's
 * values in its own table, with who entered them and when, says which of the form's
 * variables those are, and removes them from the process once recorded.
 */
public interface VariablesKeptInRecords {

	/**
	 * Whether the variable of that name, in a process of that definition key, is kept in
	 * our records and needs no engine history.
	 */
	boolean keeps(String processDefinitionKey, String variableName);

}
