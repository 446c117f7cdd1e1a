package cn.certflow.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.certflow.grading.ScoringVariables.*;

/**
 * Reads the variables of a scoring form (see {@link ScoringVariables}) into a typed
 * {@link ScoreInput}. Numbers may arrive as Long, Integer, Double, BigDecimal or String.
 * A missing or bad value throws {@link InvalidScoreException} naming the field.
 */
public final class ScoreSheetReader {

	private ScoreSheetReader() {
	}

	/** {@link PcecScoreInput} for GB/T 27922 schemes, {@link CqmFacts} for CQM. */
	public static ScoreInput read(Scheme scheme, Map<String, Object> variables) {
		return (scheme.scoring() == ScoringMethod.CQM_CHARACTERISTICS) ? readCqm(scheme, variables)
				: readPcec(scheme, variables);
	}

	public static PcecScoreInput readPcec(Scheme scheme, Map<String, Object> variables) {
		Map<String, SheetItem> byVariable = new HashMap<>();
		scheme.sheet().items().forEach((item) -> byVariable.put(item.variableName(scheme.scoring()), item));
		for (String name : variables.keySet()) {
			if (name.startsWith(ITEM_PREFIX) && !byVariable.containsKey(name)) {
				throw new InvalidScoreException(name, name + " 不是评分表 " + scheme.sheet().file() + " 的条款");
			}
		}
		Map<String, ItemScore> items = new HashMap<>();
		for (Map.Entry<String, SheetItem> entry : byVariable.entrySet()) {
			SheetItem item = entry.getValue();
			String field = entry.getKey();
			Object value = variables.get(field);
			if (isBlank(value)) {
				throw new InvalidScoreException(field, item.id() + " 未评分（请给分或选“不适用”）");
			}
			if (value instanceof String text
					&& (NOT_APPLICABLE.equalsIgnoreCase(text.trim()) || "不适用".equals(text.trim()))) {
				items.put(item.id(), ItemScore.notApplicable());
				continue;
			}
			BigDecimal number = number(field, item.id() + " 得分", value);
			int earned = whole(field, item.id() + " 得分", number);
			if (earned < 0 || earned > item.points()) {
				throw new InvalidScoreException(field, item.id() + " 得分 " + earned + " 超出 0–" + item.points());
			}
			items.put(item.id(), ItemScore.of(earned));
		}
		for (String count : LEGACY_COUNTS) {
			if (variables.containsKey(count)) {
				throw new InvalidScoreException(count, "特别扣分项和特别加分项须逐项记录（类别、说明、证据），不接受项数（" + count + "）");
			}
		}
		return new PcecScoreInput(items, SpecialItemsReader.deductions(variables.get(DEDUCTIONS)),
				SpecialItemsReader.strengths(variables.get(STRENGTHS)));
	}

	/**
	 * A scoring as stored: like {@link #readPcec}, and a scoring kept before special
	 * items were records (issue 20.8) is read from its counts, each counted item a record
	 * saying so.
	 */
	static ScoreInput readStored(Scheme scheme, Map<String, Object> variables) {
		if (scheme.scoring() == ScoringMethod.CQM_CHARACTERISTICS
				|| LEGACY_COUNTS.stream().noneMatch(variables::containsKey)) {
			return read(scheme, variables);
		}
		Map<String, Object> items = new HashMap<>(variables);
		LEGACY_COUNTS.forEach(items::remove);
		PcecScoreInput sheet = readPcec(scheme, items);
		String notes = text(variables, DEDUCTION_NOTES);
		List<SpecialDeduction> deductions = new ArrayList<>();
		addDeductions(deductions, variables, DEDUCTIONS_LAW, SpecialDeductionKind.LAW, notes);
		addDeductions(deductions, variables, DEDUCTIONS_OWN_SERVICE_RULES, SpecialDeductionKind.OWN_SERVICE_RULES,
				notes);
		addDeductions(deductions, variables, DEDUCTIONS_INDUSTRY, SpecialDeductionKind.INDUSTRY_REQUIREMENTS, notes);
		addDeductions(deductions, variables, DEDUCTIONS_SERVICE_SYSTEM, SpecialDeductionKind.SERVICE_SYSTEM_EFFECT,
				notes);
		List<SpecialStrength> strengths = new ArrayList<>();
		int counted = variables.containsKey(SPECIAL_STRENGTHS) ? count(variables, SPECIAL_STRENGTHS, "特别加分项") : 0;
		for (int i = 0; i < counted; i++) {
			strengths
				.add(new SpecialStrength(SpecialStrengthKind.INDUSTRY_LEADING, PAST, text(variables, STRENGTH_NOTES)));
		}
		deductions.addAll(sheet.deductions());
		strengths.addAll(sheet.strengths());
		return new PcecScoreInput(sheet.items(), deductions, strengths);
	}

	/** What a record read from a past count says. */
	static final String PAST = "（旧评分记录，仅记项数）";

	/** The counts of special items of scorings before issue 20.8. */
	private static final List<String> LEGACY_COUNTS = List.of(DEDUCTIONS_LAW, DEDUCTIONS_OWN_SERVICE_RULES,
			DEDUCTIONS_INDUSTRY, DEDUCTIONS_SERVICE_SYSTEM, DEDUCTION_NOTES, SPECIAL_STRENGTHS, STRENGTH_NOTES);

	public static CqmFacts readCqm(Scheme scheme, Map<String, Object> variables) {
		Map<String, BigDecimal> indicators = new HashMap<>();
		for (SheetItem item : scheme.sheet().items()) {
			String field = item.variableName(ScoringMethod.CQM_CHARACTERISTICS);
			BigDecimal score = number(field, item.id() + " " + item.indicator(),
					required(variables, field, item.id() + " " + item.indicator()));
			if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(item.points())) > 0) {
				throw new InvalidScoreException(field,
						item.id() + " 得分 " + score.stripTrailingZeros().toPlainString() + " 超出 0–" + item.points());
			}
			indicators.put(item.id(), score);
		}
		for (String name : variables.keySet()) {
			if (name.startsWith(INDICATOR_PREFIX) && scheme.sheet()
				.items()
				.stream()
				.noneMatch((item) -> item.variableName(ScoringMethod.CQM_CHARACTERISTICS).equals(name))) {
				throw new InvalidScoreException(name, name + " 不是评价表 " + scheme.sheet().file() + " 的指标");
			}
		}
		CqmEvaluationResults.CustomerSurvey survey = readCustomerSurvey(variables);
		CqmEvaluationResults.ManagementAudit management = readManagementAudit(variables);
		return new CqmFacts(indicators, survey.surveyScore(), survey.faceSurveyScore(), management.passed(),
				management.seriousNonconformities(), count(variables, OPERATING_MONTHS, "经营月数"),
				count(variables, LIABILITY_ACCIDENTS_12M, "1年内责任事故"),
				count(variables, LIABILITY_ACCIDENTS_24M, "2年内责任事故"), count(variables, NEGATIVE_INFO_12M, "1年内负面信息"),
				count(variables, NEGATIVE_INFO_24M, "2年内负面信息"), count(variables, NEGATIVE_INFO_TOTAL, "负面信息总数"),
				count(variables, MAJOR_COMPLAINTS, "重大投诉"), count(variables, MAJOR_COMPLAINTS_UNRECTIFIED, "未整改重大投诉"));
	}

	/** The management-audit task's result (CQM 5.3, issue 20 point 10). */
	public static CqmEvaluationResults.ManagementAudit readManagementAudit(Map<String, Object> variables) {
		if (!(variables.get(MANAGEMENT_AUDIT_PASSED) instanceof Boolean)
				&& isBlank(variables.get(MANAGEMENT_AUDIT_PASSED))) {
			throw new InvalidScoreException(MANAGEMENT_AUDIT_PASSED, "请在服务管理审核中填写是否通过符合性审核");
		}
		return new CqmEvaluationResults.ManagementAudit(bool(variables, MANAGEMENT_AUDIT_PASSED),
				count(variables, SERIOUS_NONCONFORMITIES, "管理审核严重不符合"));
	}

	/** The customer perception survey's record (CQM 5.4, issue 20 point 10). */
	public static CqmEvaluationResults.CustomerSurvey readCustomerSurvey(Map<String, Object> variables) {
		return new CqmEvaluationResults.CustomerSurvey(percent(variables, SURVEY_SCORE, "顾客感知调查 S"),
				percent(variables, FACE_SURVEY_SCORE, "当面问卷调查 S当面"));
	}

	private static void addDeductions(List<SpecialDeduction> deductions, Map<String, Object> variables, String field,
			SpecialDeductionKind kind, String notes) {
		int count = variables.containsKey(field) ? count(variables, field, "特别扣分项") : 0;
		for (int i = 0; i < count; i++) {
			deductions.add(new SpecialDeduction(kind, PAST, notes.isBlank() ? PAST : notes));
		}
	}

	private static BigDecimal percent(Map<String, Object> variables, String field, String name) {
		BigDecimal value = number(field, name, required(variables, field, name));
		if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new InvalidScoreException(field,
					name + " " + value.stripTrailingZeros().toPlainString() + " 超出 0–100（%）");
		}
		return value;
	}

	private static int count(Map<String, Object> variables, String field, String name) {
		int value = whole(field, name, number(field, name, required(variables, field, name)));
		if (value < 0) {
			throw new InvalidScoreException(field, name + "（" + field + "）不能为负数：" + value);
		}
		return value;
	}

	private static boolean bool(Map<String, Object> variables, String field) {
		Object value = variables.get(field);
		if (value instanceof Boolean b) {
			return b;
		}
		if (value instanceof String text
				&& ("true".equalsIgnoreCase(text.trim()) || "false".equalsIgnoreCase(text.trim()))) {
			return Boolean.parseBoolean(text.trim());
		}
		throw new InvalidScoreException(field, field + " 必须为 true 或 false，实为 " + value);
	}

	private static Object required(Map<String, Object> variables, String field, String name) {
		Object value = variables.get(field);
		if (isBlank(value)) {
			throw new InvalidScoreException(field, name + "（" + field + "）缺失");
		}
		return value;
	}

	private static BigDecimal number(String field, String name, Object value) {
		try {
			if (value instanceof BigDecimal decimal) {
				return decimal;
			}
			if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
				return BigDecimal.valueOf(((Number) value).longValue());
			}
			if (value instanceof Double || value instanceof Float) {
				double d = ((Number) value).doubleValue();
				if (Double.isNaN(d) || Double.isInfinite(d)) {
					throw new NumberFormatException();
				}
				return BigDecimal.valueOf(d);
			}
			if (value instanceof String text) {
				return new BigDecimal(text.trim());
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new InvalidScoreException(field, name + "（" + field + "）不是数字：" + value);
	}

	private static int whole(String field, String name, BigDecimal number) {
		try {
			return number.stripTrailingZeros().intValueExact();
		}
		catch (ArithmeticException ex) {
			throw new InvalidScoreException(field, name + "（" + field + "）必须是整数：" + number.toPlainString());
		}
	}

	private static String text(Map<String, Object> variables, String field) {
		Object value = variables.get(field);
		return (value != null) ? value.toString() : "";
	}

	private static boolean isBlank(Object value) {
		return value == null || (value instanceof String text && text.isBlank());
	}

}
