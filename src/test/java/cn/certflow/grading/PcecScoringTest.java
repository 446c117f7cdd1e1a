package cn.certflow.grading;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * R-GRD-PCEC-1/2: scoring the 49-item sheet, exact arithmetic, errors naming the field.
 */
class PcecScoringTest {

	static final SchemeCatalog CATALOG = new SchemeCatalog();

	static final Scheme PCEC = CATALOG.get("PCEC");

	/** Form variables with every item at full points and no special items. */
	static Map<String, Object> fullMarks() {
		Map<String, Object> v = new HashMap<>();
		PCEC.sheet().items().forEach((item) -> v.put(item.variableName(PCEC.scoring()), String.valueOf(item.points())));
		v.put("deductions", List.of());
		v.put("strengths", List.of());
		return v;
	}

	/** One row of the form's special-item lists. */
	static Map<String, Object> row(Enum<?> kind, String description, String evidence) {
		Map<String, Object> row = new HashMap<>();
		row.put("kind", kind.name());
		row.put("description", description);
		row.put("evidence", evidence);
		return row;
	}

	static List<Map<String, Object>> strengths(int n) {
		List<Map<String, Object>> rows = new java.util.ArrayList<>();
		for (int i = 1; i <= n; i++) {
			rows.add(row(SpecialStrengthKind.INDUSTRY_LEADING, "特别优势 " + i, "现场记录 " + i));
		}
		return rows;
	}

	static PcecScore score(Map<String, Object> variables) {
		return PcecScoring.score(PCEC, ScoreSheetReader.readPcec(PCEC, variables));
	}

	@Test
	void shouldScoreFullMarksAsHundred() {
		PcecScore score = score(fullMarks());
		assertThat(score.score()).isEqualByComparingTo("100");
		assertThat(score.displayScore()).isEqualTo("100.0");
	}

	@Test
	void shouldLeaveNotApplicableItemsOutOfBothSides() {
		// R-GRD-PCEC-1: A2.2 (5 points) N/A, A1.2 scored 0 of 3: 92 / 95 × 100
		Map<String, Object> v = fullMarks();
		v.put("item_A2_2", "NA");
		v.put("item_A1_2", 0L);
		PcecScore score = score(v);
		assertThat(score.earned()).isEqualByComparingTo("92");
		assertThat(score.applicable()).isEqualByComparingTo("95");
		assertThat(score.score())
			.isEqualByComparingTo(new BigDecimal("9200").divide(new BigDecimal("95"), PcecScoring.PRECISION));
		assertThat(score.displayScore()).isEqualTo("96.8");
	}

	@Test
	void shouldSubtractOnePointPerSpecialDeduction() {
		// R-GRD-PCEC-2: 29 points lost on the full sheet -> 71; two special deductions ->
		// 69
		Map<String, ItemScore> items = new HashMap<>();
		PCEC.sheet().items().forEach((item) -> items.put(item.id(), ItemScore.of(item.points())));
		items.put("C2.2", ItemScore.of(0));
		items.put("A5.2", ItemScore.of(0));
		items.put("A2.2", ItemScore.of(0));
		items.put("C1.4", ItemScore.of(0));
		items.put("A4.1", ItemScore.of(0));
		items.put("B3.2", ItemScore.of(1));
		PcecScore clean = PcecScoring.score(PCEC, new PcecScoreInput(items, List.of(), List.of()));
		assertThat(clean.score()).isEqualByComparingTo("71");
		PcecScore twoDeductions = PcecScoring.score(PCEC,
				new PcecScoreInput(items,
						List.of(new SpecialDeduction(SpecialDeductionKind.LAW, "无证经营", "营业执照"),
								new SpecialDeduction(SpecialDeductionKind.SERVICE_SYSTEM_EFFECT, "系统停摆", "工单系统日志")),
						List.of()));
		assertThat(twoDeductions.score()).isEqualByComparingTo("69");
		assertThat(twoDeductions.specialDeductions()).isEqualTo(2);
	}

	@Test
	void shouldTakeAnUnroundedSeventyPointFiveBelowSeventy() {
		// R-GRD-PCEC-2: exactly 70.5 cannot come from whole points on a 100-point sheet
		// (141/200), so
		// take 12 of 17 applicable points = 70.588…: one special deduction takes it to
		// 69.588… < 70
		Map<String, Object> v = fullMarks();
		PCEC.sheet().items().forEach((item) -> v.put(item.variableName(PCEC.scoring()), "NA"));
		v.put("item_A1_2", "3");
		v.put("item_A2_2", "0");
		v.put("item_A3_1", "2");
		v.put("item_A3_2", "2");
		v.put("item_A3_3", "2");
		v.put("item_A7_3", "3");
		assertThat(score(v).score()).isGreaterThan(new BigDecimal("70.5")).isLessThan(new BigDecimal("70.6"));
		v.put("deductions", List.of(row(SpecialDeductionKind.INDUSTRY_REQUIREMENTS, "未持证上岗", "人员档案")));
		PcecScore score = score(v);
		assertThat(score.score()).isLessThan(BigDecimal.valueOf(70));
		assertThat(score.displayScore()).isEqualTo("69.5");
	}

	@Test
	void shouldCapStrengthsAtHundredAndDeductionsAtZero() {
		Map<String, Object> v = fullMarks();
		v.put("strengths", strengths(3));
		assertThat(score(v).score()).isEqualByComparingTo("100");
		v.put("item_A5_2", "0");
		assertThat(score(v).score()).isEqualByComparingTo("95");
		Map<String, ItemScore> zero = new HashMap<>();
		PCEC.sheet().items().forEach((item) -> zero.put(item.id(), ItemScore.of(0)));
		PcecScore none = PcecScoring.score(PCEC, new PcecScoreInput(zero,
				List.of(new SpecialDeduction(SpecialDeductionKind.LAW, "无证经营", "营业执照")), List.of()));
		assertThat(none.score()).isEqualByComparingTo("0");
	}

	@Test
	void shouldGiveOneSpecialBonusPointHoweverManyStrengths_PCEC_6_1() {
		// PCEC 6.1, R-GRD-PCEC-2: "可产生1分的特别加分项" — strengths give the one special
		// bonus point, not a point each: 150 strengths on a 93-point sheet make 94
		// (四星级), not 100 / 五星级
		Map<String, Object> v = fullMarks();
		v.put("item_A5_2", "0");
		v.put("item_A1_2", "2");
		assertThat(score(v).score()).isEqualByComparingTo("93");
		v.put("strengths", strengths(1));
		assertThat(score(v).score()).isEqualByComparingTo("94");
		v.put("strengths", strengths(100));
		PcecScore many = score(v);
		assertThat(many.score()).isEqualByComparingTo("94");
		assertThat(many.specialStrengths()).isEqualTo(100);
		assertThat(many.strengthPoints()).isEqualTo(1);
		v.put("strengths", strengths(150));
		assertThatThrownBy(() -> score(v)).isInstanceOf(InvalidScoreException.class)
			.extracting((ex) -> ((InvalidScoreException) ex).field())
			.isEqualTo("strengths");
	}

	@Test
	void shouldTakeEachSpecialItemAsARecordWithKindDescriptionAndEvidence_PCEC_6_1() {
		// PCEC 6.1, issue 20.8: no bare count; a row without kind, description or
		// evidence
		// is refused naming the list
		Map<String, Object> v = fullMarks();
		v.put("deductionsLaw", 2L);
		assertThatThrownBy(() -> score(v)).extracting((ex) -> ((InvalidScoreException) ex).field())
			.isEqualTo("deductionsLaw");
		v.remove("deductionsLaw");
		v.put("specialStrengths", 150L);
		assertThatThrownBy(() -> score(v)).extracting((ex) -> ((InvalidScoreException) ex).field())
			.isEqualTo("specialStrengths");
		v.remove("specialStrengths");
		v.put("deductions", 2);
		assertThatThrownBy(() -> score(v)).hasMessageContaining("逐项记录")
			.extracting((ex) -> ((InvalidScoreException) ex).field())
			.isEqualTo("deductions");
		v.put("deductions", List.of(row(SpecialDeductionKind.LAW, "无证经营", " ")));
		assertThatThrownBy(() -> score(v)).hasMessageContaining("特别扣分项第 1 项的证据不能为空");
		Map<String, Object> noKind = row(SpecialDeductionKind.LAW, "无证经营", "营业执照");
		noKind.put("kind", "SOMETHING");
		v.put("deductions", List.of(noKind));
		assertThatThrownBy(() -> score(v)).hasMessageContaining("类别无效");
		v.put("deductions", List.of());
		v.put("strengths", List.of(row(SpecialStrengthKind.ABOVE_LEGAL_REQUIREMENTS, "", "记录")));
		assertThatThrownBy(() -> score(v)).hasMessageContaining("特别加分项第 1 项的说明不能为空")
			.extracting((ex) -> ((InvalidScoreException) ex).field())
			.isEqualTo("strengths");
		// Tasklist sends the dynamic list as JSON
		v.put("strengths", "[]");
		v.put("deductions", "[{\"kind\":\"LAW\",\"description\":\"无证经营\",\"evidence\":\"营业执照\"}]");
		PcecScoreInput input = ScoreSheetReader.readPcec(PCEC, v);
		assertThat(input.deductions()).containsExactly(new SpecialDeduction(SpecialDeductionKind.LAW, "无证经营", "营业执照"));
		assertThat(PcecScoring.score(PCEC, input).score()).isEqualByComparingTo("99");
	}

	@Test
	void shouldStillReadAPastScoringKeptWithCounts() {
		// scorings stored before issue 20.8 are re-evaluated for table changes (issue 23)
		Map<String, Object> v = fullMarks();
		v.remove("deductions");
		v.remove("strengths");
		v.put("deductionsLaw", 2L);
		v.put("deductionsIndustry", 0L);
		v.put("specialStrengths", 1L);
		PcecScoreInput input = (PcecScoreInput) ScoreSheetReader.readStored(PCEC, v);
		assertThat(input.deductions()).hasSize(2).allMatch((d) -> d.kind() == SpecialDeductionKind.LAW);
		assertThat(PcecScoring.score(PCEC, input).score()).isEqualByComparingTo("99");
	}

	@Test
	void shouldNameTheItemThatIsOutOfRange() {
		Map<String, Object> v = fullMarks();
		v.put("item_A2_2", 7L);
		assertThatThrownBy(() -> score(v)).isInstanceOf(InvalidScoreException.class)
			.hasMessage("item_A2_2: A2.2 得分 7 超出 0–5")
			.extracting((ex) -> ((InvalidScoreException) ex).field())
			.isEqualTo("item_A2_2");
		v.put("item_A2_2", "-1");
		assertThatThrownBy(() -> score(v)).hasMessageContaining("A2.2 得分 -1 超出 0–5");
		v.put("item_A2_2", 2.5);
		assertThatThrownBy(() -> score(v)).hasMessageContaining("整数");
		v.put("item_A2_2", "abc");
		assertThatThrownBy(() -> score(v)).hasMessageContaining("item_A2_2").hasMessageContaining("abc");
	}

	@Test
	void shouldNameUnknownAndMissingItems() {
		Map<String, Object> v = fullMarks();
		v.put("item_A9_9", "1");
		assertThatThrownBy(() -> score(v)).isInstanceOf(InvalidScoreException.class)
			.extracting((ex) -> ((InvalidScoreException) ex).field())
			.isEqualTo("item_A9_9");
		Map<String, Object> missing = fullMarks();
		missing.remove("item_C2_3");
		assertThatThrownBy(() -> score(missing)).isInstanceOf(InvalidScoreException.class)
			.hasMessageContaining("C2.3")
			.extracting((ex) -> ((InvalidScoreException) ex).field())
			.isEqualTo("item_C2_3");
		Map<String, ItemScore> typed = new HashMap<>();
		typed.put("Z1.1", ItemScore.of(1));
		assertThatThrownBy(() -> PcecScoring.score(PCEC, new PcecScoreInput(typed, List.of(), List.of())))
			.isInstanceOf(InvalidScoreException.class)
			.hasMessageContaining("Z1.1");
	}

	@Test
	void shouldRefuseASheetWithNoApplicableItems() {
		Map<String, Object> v = fullMarks();
		PCEC.sheet().items().forEach((item) -> v.put(item.variableName(PCEC.scoring()), "NA"));
		assertThatThrownBy(() -> score(v)).isInstanceOf(InvalidScoreException.class).hasMessageContaining("没有适用的评分项");
	}

	@Test
	void shouldAcceptNumbersInAnyFormType() {
		Map<String, Object> v = fullMarks();
		v.put("item_A2_2", 4);
		v.put("item_A5_2", 5.0);
		v.put("item_C2_2", "6");
		v.put("item_B3_2", 2L);
		v.put("deductions",
				List.of(row(SpecialDeductionKind.LAW, "a", "b"), row(SpecialDeductionKind.OWN_SERVICE_RULES, "c", "d"),
						row(SpecialDeductionKind.INDUSTRY_REQUIREMENTS, "e", "f"),
						row(SpecialDeductionKind.SERVICE_SYSTEM_EFFECT, "g", "h")));
		PcecScoreInput input = ScoreSheetReader.readPcec(PCEC, v);
		assertThat(input.deductions()).extracting(SpecialDeduction::kind)
			.containsExactlyInAnyOrder(SpecialDeductionKind.values());
		assertThat(PcecScoring.score(PCEC, input).score()).isEqualByComparingTo("92");
	}

}
