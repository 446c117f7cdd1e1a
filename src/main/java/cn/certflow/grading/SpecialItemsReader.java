package cn.certflow.grading;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads the scoring form's lists of special deductions and strengths (PCEC 6.1, issue
 * 20.8): each row a record with its kind, description and evidence. Tasklist sends a
 * dynamic list as a JSON array, Java callers a list of maps, a stored scoring a JSON
 * text. A bad row is refused naming the list field and the row.
 */
final class SpecialItemsReader {

	/** The length of nonconformity.description, which a deduction becomes. */
	static final int TEXT_LENGTH = 900;

	/** More rows than any audit can have: a bound on the input, not a rule. */
	static final int MAX_ROWS = 100;

	private static final ObjectMapper JSON = new ObjectMapper();

	private SpecialItemsReader() {
	}

	static List<SpecialDeduction> deductions(Object value) {
		return read(ScoringVariables.DEDUCTIONS, "特别扣分项", value, SpecialDeductionKind.class,
				(row) -> new SpecialDeduction(SpecialDeductionKind.valueOf(row.kind), row.description, row.evidence));
	}

	static List<SpecialStrength> strengths(Object value) {
		return read(ScoringVariables.STRENGTHS, "特别加分项", value, SpecialStrengthKind.class,
				(row) -> new SpecialStrength(SpecialStrengthKind.valueOf(row.kind), row.description, row.evidence));
	}

	private record Row(String kind, String description, String evidence) {
	}

	private static <E extends Enum<E>, T> List<T> read(String field, String name, Object value, Class<E> kinds,
			Function<Row, T> record) {
		List<Map<String, Object>> rows = rows(field, name, value);
		if (rows.size() > MAX_ROWS) {
			throw new InvalidScoreException(field, name + "最多 " + MAX_ROWS + " 项，实为 " + rows.size() + " 项");
		}
		List<T> items = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Map<String, Object> row = rows.get(i);
			String which = name + "第 " + (i + 1) + " 项";
			String kind = text(row.get(ScoringVariables.ROW_KIND));
			if (kind.isEmpty()
					|| java.util.Arrays.stream(kinds.getEnumConstants()).noneMatch((k) -> k.name().equals(kind))) {
				throw new InvalidScoreException(field, which + "的类别无效：" + (kind.isEmpty() ? "未选择" : kind));
			}
			String description = required(field, which + "的说明", row.get(ScoringVariables.ROW_DESCRIPTION));
			String evidence = required(field, which + "的证据", row.get(ScoringVariables.ROW_EVIDENCE));
			items.add(record.apply(new Row(kind, description, evidence)));
		}
		return List.copyOf(items);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(String field, String name, Object value) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			return List.of();
		}
		Object parsed = value;
		try {
			if (value instanceof SpinJsonNode spin) {
				parsed = JSON.readValue(spin.toString(), Object.class);
			}
			else if (value instanceof String text) {
				parsed = JSON.readValue(text, Object.class);
			}
		}
		catch (JsonProcessingException ex) {
			throw new InvalidScoreException(field, name + "不是逐项记录的列表");
		}
		if (!(parsed instanceof Collection<?> collection)) {
			throw new InvalidScoreException(field, name + "须逐项记录（类别、说明、证据），不接受项数：" + value);
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Object row : collection) {
			if (!(row instanceof Map<?, ?> map)) {
				throw new InvalidScoreException(field, name + "须逐项记录（类别、说明、证据），不接受：" + row);
			}
			rows.add(new LinkedHashMap<>((Map<String, Object>) map));
		}
		return rows;
	}

	private static String required(String field, String what, Object value) {
		String text = text(value);
		if (text.isEmpty()) {
			throw new InvalidScoreException(field, what + "不能为空");
		}
		if (text.length() > TEXT_LENGTH) {
			throw new InvalidScoreException(field, what + "过长（最多 " + TEXT_LENGTH + " 字）");
		}
		return text;
	}

	private static String text(Object value) {
		return (value == null) ? "" : value.toString().trim();
	}

}
