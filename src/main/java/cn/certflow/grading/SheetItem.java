package cn.certflow.grading;

/**
 * One line of a scheme's score sheet: a GB/T 27922 item (A1.1 …) or a CQM indicator
 * (4.1.1 …).
 *
 * @param id item id as in the sheet, e.g. {@code A1.1} or {@code 4.1.1}
 * @param category category (售后服务体系 …) or, for CQM, the clause
 * @param indicator indicator name (组织架构 …)
 * @param points maximum points of the item
 * @param requirement requirement text, empty for CQM
 * @param line line of the sheet file the item was read from
 */
public record SheetItem(String id, String category, String indicator, int points, String requirement, int line) {

	/**
	 * Form variable holding this item's score: {@code item_A1_1} /
	 * {@code indicator_4_1_1}.
	 */
	public String variableName(ScoringMethod method) {
		String suffix = this.id.replace('.', '_');
		return (method == ScoringMethod.CQM_CHARACTERISTICS) ? "indicator_" + suffix : "item_" + suffix;
	}

}
