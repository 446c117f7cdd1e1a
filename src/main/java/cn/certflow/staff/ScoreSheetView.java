package cn.certflow.staff;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.certflow.grading.Scheme;
import cn.certflow.grading.ScoringVariables;
import cn.certflow.grading.SheetItem;
import cn.certflow.grading.SpecialDeductionKind;
import cn.certflow.grading.SpecialStrengthKind;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One recorded scoring as the decider reads it (issue 19.1): the scheme's sheet item by
 * item with the points entered, subtotals per category, and the other entries (special
 * deductions and strengths, each with its kind, description and evidence) as the grading
 * record holds them.
 */
record ScoreSheetView(List<Category> categories, List<Entry> otherEntries, BigDecimal awarded, int maximum) {

	record Category(String name, List<Line> lines, BigDecimal awarded, int maximum) {
	}

	record Line(String id, String indicator, int points, String awarded) {
	}

	record Entry(String label, String value) {
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Entries the page shows in its head (application, client, scheme). */
	private static final java.util.Set<String> SHOWN_ELSEWHERE = java.util.Set.of("applicationNumber", "clientName",
			"schemeId");

	/** Chinese labels of the scoring forms' entries other than the items. */
	private static final Map<String, String> LABELS = Map.ofEntries(
			Map.entry(ScoringVariables.DEDUCTIONS_LAW, "特别扣分：违反法律法规（项）"),
			Map.entry(ScoringVariables.DEDUCTIONS_OWN_SERVICE_RULES, "特别扣分：违反企业自身服务规范（项）"),
			Map.entry(ScoringVariables.DEDUCTIONS_INDUSTRY, "特别扣分：违反行业要求（项）"),
			Map.entry(ScoringVariables.DEDUCTIONS_SERVICE_SYSTEM, "特别扣分：影响服务体系有效性（项）"),
			Map.entry(ScoringVariables.DEDUCTION_NOTES, "特别扣分项说明"),
			Map.entry(ScoringVariables.SPECIAL_STRENGTHS, "特别加分项（项）"),
			Map.entry(ScoringVariables.STRENGTH_NOTES, "特别加分项说明"), Map.entry(ScoringVariables.SURVEY_SCORE, "问卷调查得分"),
			Map.entry(ScoringVariables.FACE_SURVEY_SCORE, "面访调查得分"),
			Map.entry(ScoringVariables.MANAGEMENT_AUDIT_PASSED, "管理审核通过"),
			Map.entry(ScoringVariables.SERIOUS_NONCONFORMITIES, "严重不符合项（个）"),
			Map.entry(ScoringVariables.OPERATING_MONTHS, "经营月数"),
			Map.entry(ScoringVariables.LIABILITY_ACCIDENTS_12M, "12 个月内责任事故"),
			Map.entry(ScoringVariables.LIABILITY_ACCIDENTS_24M, "24 个月内责任事故"),
			Map.entry(ScoringVariables.NEGATIVE_INFO_12M, "12 个月内负面信息"),
			Map.entry(ScoringVariables.NEGATIVE_INFO_24M, "24 个月内负面信息"),
			Map.entry(ScoringVariables.NEGATIVE_INFO_TOTAL, "负面信息总数"),
			Map.entry(ScoringVariables.MAJOR_COMPLAINTS, "重大投诉"),
			Map.entry(ScoringVariables.MAJOR_COMPLAINTS_UNRECTIFIED, "未整改的重大投诉"));

	static ScoreSheetView of(Scheme scheme, String itemScoresJson) {
		Map<String, Object> entered = new TreeMap<>(parse(itemScoresJson));
		Map<String, List<Line>> byCategory = new LinkedHashMap<>();
		for (SheetItem item : scheme.sheet().items()) {
			Object value = entered.remove(item.variableName(scheme.scoring()));
			byCategory.computeIfAbsent(item.category(), (c) -> new ArrayList<>())
				.add(new Line(item.id(), item.indicator(), item.points(), text(value)));
		}
		List<Category> categories = new ArrayList<>();
		BigDecimal awarded = BigDecimal.ZERO;
		int maximum = 0;
		for (Map.Entry<String, List<Line>> entry : byCategory.entrySet()) {
			BigDecimal sum = BigDecimal.ZERO;
			int max = 0;
			for (Line line : entry.getValue()) {
				BigDecimal points = number(line.awarded());
				if (points != null) {
					sum = sum.add(points);
					max += line.points();
				}
			}
			categories.add(new Category(entry.getKey(), entry.getValue(), sum, max));
			awarded = awarded.add(sum);
			maximum += max;
		}
		List<Entry> others = new ArrayList<>();
		entered.forEach((key, value) -> {
			if (ScoringVariables.DEDUCTIONS.equals(key) || ScoringVariables.STRENGTHS.equals(key)) {
				others.addAll(specialItems(key, value));
			}
			else if (!SHOWN_ELSEWHERE.contains(key)) {
				others.add(new Entry(LABELS.getOrDefault(key, key), text(value)));
			}
		});
		return new ScoreSheetView(categories, others, awarded, maximum);
	}

	/**
	 * PCEC 6.1, issue 20.8: every special deduction and strength with its kind,
	 * description and evidence.
	 */
	private static List<Entry> specialItems(String key, Object value) {
		boolean deductions = ScoringVariables.DEDUCTIONS.equals(key);
		String name = deductions ? "特别扣分项" : "特别加分项";
		List<Entry> entries = new ArrayList<>();
		if (!(value instanceof List<?> rows) || rows.isEmpty()) {
			entries.add(new Entry(name, "无"));
			return entries;
		}
		int n = 0;
		for (Object row : rows) {
			Map<?, ?> fields = (row instanceof Map<?, ?> map) ? map : Map.of();
			String kind = String.valueOf(fields.get(ScoringVariables.ROW_KIND));
			entries.add(new Entry(name + " " + (++n) + "（" + kindLabel(deductions, kind) + "）",
					fields.get(ScoringVariables.ROW_DESCRIPTION) + "；证据：" + fields.get(ScoringVariables.ROW_EVIDENCE)));
		}
		return entries;
	}

	private static String kindLabel(boolean deduction, String kind) {
		try {
			return deduction ? SpecialDeductionKind.valueOf(kind).label() : SpecialStrengthKind.valueOf(kind).label();
		}
		catch (IllegalArgumentException ex) {
			return kind;
		}
	}

	private static String text(Object value) {
		if (value == null) {
			return "—";
		}
		if (ScoringVariables.NOT_APPLICABLE.equals(value)) {
			return "不适用";
		}
		if (value instanceof Boolean b) {
			return b ? "是" : "否";
		}
		return value.toString();
	}

	private static BigDecimal number(String text) {
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Map<String, Object> parse(String json) {
		try {
			return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (Exception ex) {
			return Map.of();
		}
	}

}
