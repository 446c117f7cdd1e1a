package cn.certflow.grading;

import java.util.List;
import java.util.Map;

/**
 * Scores on the GB/T 27922 sheet (PCEC, ZHHT).
 *
 * @param items score per item id ({@code A1.1} …), every sheet item present
 * @param deductions special deductions (特别扣分项), each a record
 * @param strengths special strengths (特别优势), each a record
 */
public record PcecScoreInput(Map<String, ItemScore> items, List<SpecialDeduction> deductions,
		List<SpecialStrength> strengths) implements ScoreInput {

	public PcecScoreInput {
		items = Map.copyOf(items);
		deductions = List.copyOf(deductions);
		strengths = List.copyOf(strengths);
	}

}
