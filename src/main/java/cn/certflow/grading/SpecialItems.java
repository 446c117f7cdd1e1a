package cn.certflow.grading;

import java.util.ArrayList;
import java.util.List;

/**
 * The special deductions and strengths of one scoring (PCEC 6.1), each a record, for the
 * nonconformities they become and for the decider.
 */
public record SpecialItems(List<SpecialDeduction> deductions, List<SpecialStrength> strengths) {

	public SpecialItems {
		deductions = List.copyOf(deductions);
		strengths = List.copyOf(strengths);
	}

	/**
	 * Every special deduction and strength in words, for the grade's explanation the
	 * decider reads (issue 20.8), within {@code budget} characters (the explanation is
	 * kept in a 4000-character column): what does not fit is named by its count, and the
	 * case page's score sheet lists it; nothing when there are none.
	 */
	public List<String> explanation(int budget) {
		List<String> lines = new ArrayList<>();
		if (!this.deductions.isEmpty()) {
			lines.add("特别扣分项 " + this.deductions.size() + " 项（每项扣 " + PcecScoring.POINTS_PER_DEDUCTION
					+ " 分，均列为不符合项，须整改）：");
			for (int i = 0; i < this.deductions.size(); i++) {
				SpecialDeduction d = this.deductions.get(i);
				lines.add(
						"  " + (i + 1) + ". " + d.kind().label() + "：" + d.description() + "（证据：" + d.evidence() + "）");
			}
		}
		if (!this.strengths.isEmpty()) {
			lines.add("特别加分项 " + this.strengths.size() + " 项，共加 " + strengthPoints() + " 分：");
			for (int i = 0; i < this.strengths.size(); i++) {
				SpecialStrength s = this.strengths.get(i);
				lines.add(
						"  " + (i + 1) + ". " + s.kind().label() + "：" + s.description() + "（证据：" + s.evidence() + "）");
			}
		}
		List<String> fitting = new ArrayList<>();
		int used = 0;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			int room = budget - MORE_ROOM;
			if (used + line.length() + 1 > room) {
				fitting.add("……其余 " + (lines.size() - i) + " 行见案卷页面的评分表");
				break;
			}
			fitting.add(line);
			used += line.length() + 1;
		}
		return fitting;
	}

	/** Room kept for the line naming what did not fit. */
	private static final int MORE_ROOM = 40;

	/** The points the strengths add (PCEC 6.1). */
	public int strengthPoints() {
		return PcecScoring.strengthPoints(this.strengths.size());
	}

}
