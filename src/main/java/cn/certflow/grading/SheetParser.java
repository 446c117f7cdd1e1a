package cn.certflow.grading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a score sheet CSV and checks it: columns present, whole numbers, unique ids, and
 * points adding up to the category, indicator and stated totals. Every error names the
 * file and the line.
 */
final class SheetParser {

	private static final List<String> GBT27922_COLUMNS = List.of("item_id", "category", "category_points", "indicator",
			"indicator_points", "points", "requirement");

	private static final List<String> CQM_COLUMNS = List.of("indicator_id", "clause", "indicator", "points");

	private SheetParser() {
	}

	static ScoreSheet parse(String file, Reader reader, ScoringMethod method, int totalPoints) {
		List<String> lines = readLines(file, reader);
		if (lines.isEmpty()) {
			throw error(file, 1, "empty sheet, header expected");
		}
		List<String> header = split(file, 1, stripBom(lines.get(0)));
		List<String> required = (method == ScoringMethod.CQM_CHARACTERISTICS) ? CQM_COLUMNS : GBT27922_COLUMNS;
		Map<String, Integer> column = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			column.put(header.get(i).trim(), i);
		}
		for (String name : required) {
			if (!column.containsKey(name)) {
				throw error(file, 1, "missing column '" + name + "'");
			}
		}
		List<SheetItem> items = new ArrayList<>();
		Map<String, Integer> idLines = new HashMap<>();
		Map<String, int[]> categories = new LinkedHashMap<>();
		Map<String, int[]> indicators = new LinkedHashMap<>();
		int sum = 0;
		int lastLine = 1;
		for (int i = 1; i < lines.size(); i++) {
			int line = i + 1;
			if (lines.get(i).isBlank()) {
				continue;
			}
			lastLine = line;
			List<String> fields = split(file, line, lines.get(i));
			if (fields.size() != header.size()) {
				throw error(file, line, "expected " + header.size() + " columns, found " + fields.size());
			}
			String idColumn = (method == ScoringMethod.CQM_CHARACTERISTICS) ? "indicator_id" : "item_id";
			String id = field(fields, column, idColumn);
			if (id.isEmpty()) {
				throw error(file, line, "empty " + idColumn);
			}
			Integer earlier = idLines.putIfAbsent(id, line);
			if (earlier != null) {
				throw error(file, line, "duplicate id '" + id + "' (first on line " + earlier + ")");
			}
			int points = number(file, line, fields, column, "points");
			if (points <= 0) {
				throw error(file, line, "points must be positive, found " + points);
			}
			sum += points;
			if (method == ScoringMethod.CQM_CHARACTERISTICS) {
				items.add(new SheetItem(id, field(fields, column, "clause"), field(fields, column, "indicator"), points,
						"", line));
			}
			else {
				String category = field(fields, column, "category");
				String indicator = category + "/" + field(fields, column, "indicator");
				total(file, line, categories, category, number(file, line, fields, column, "category_points"), points,
						"category_points");
				total(file, line, indicators, indicator, number(file, line, fields, column, "indicator_points"), points,
						"indicator_points");
				items.add(new SheetItem(id, category, field(fields, column, "indicator"), points,
						field(fields, column, "requirement"), line));
			}
		}
		checkTotals(file, categories, "category");
		checkTotals(file, indicators, "indicator");
		if (sum != totalPoints) {
			throw error(file, lastLine, "points add up to " + sum + ", stated total is " + totalPoints);
		}
		return new ScoreSheet(file, totalPoints, items);
	}

	/** {stated total, running sum, first line}. */
	private static void total(String file, int line, Map<String, int[]> totals, String name, int stated, int points,
			String column) {
		int[] total = totals.computeIfAbsent(name, (key) -> new int[] { stated, 0, line });
		if (total[0] != stated) {
			throw error(file, line,
					column + " of '" + name + "' is " + stated + " but " + total[0] + " on line " + total[2]);
		}
		total[1] += points;
	}

	private static void checkTotals(String file, Map<String, int[]> totals, String what) {
		totals.forEach((name, total) -> {
			if (total[0] != total[1]) {
				throw error(file, total[2],
						what + " '" + name + "' states " + total[0] + " points but its items add up to " + total[1]);
			}
		});
	}

	private static String field(List<String> fields, Map<String, Integer> column, String name) {
		return fields.get(column.get(name)).trim();
	}

	private static int number(String file, int line, List<String> fields, Map<String, Integer> column, String name) {
		String text = field(fields, column, name);
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw error(file, line, "column '" + name + "': '" + text + "' is not a whole number");
		}
	}

	private static List<String> readLines(String file, Reader reader) {
		try (BufferedReader buffered = new BufferedReader(reader)) {
			return buffered.lines().toList();
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			throw new SchemeDefinitionException(file + ": cannot be read", ex);
		}
	}

	private static String stripBom(String line) {
		return (!line.isEmpty() && line.charAt(0) == '\uFEFF') ? line.substring(1) : line;
	}

	/** RFC 4180 fields on one line (quoted fields may hold commas and doubled quotes). */
	private static List<String> split(String file, int line, String text) {
		List<String> fields = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					current.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					current.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(current.toString());
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		if (quoted) {
			throw error(file, line, "unterminated quoted field");
		}
		fields.add(current.toString());
		return fields;
	}

	private static SchemeDefinitionException error(String file, int line, String message) {
		return new SchemeDefinitionException(file + " line " + line + ": " + message);
	}

}
