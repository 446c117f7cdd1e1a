package cn.certflow;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/CLAUSES.md, the clause table (issue 20 acceptance): every row of every section
 * names places ("Enforced in": a BPMN element, a DMN rule, a Drools rule or a Java class)
 * and tests (class#method) that exist, so the table cannot go stale.
 */
class ClauseTableTest {

	static final Path TABLE = Path.of("docs/CLAUSES.md");

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	record Row(int line, String clause, String places, String tests) {
	}

	@Test
	@DisplayName("Issue 20 acceptance: every place and test named in docs/CLAUSES.md exists")
	void shouldNameOnlyPlacesAndTestsThatExist() throws IOException {
		List<Row> rows = rows(Files.readAllLines(TABLE));
		assertThat(rows).as("rows of " + TABLE).isNotEmpty();
		List<String> problems = new ArrayList<>();
		for (Row row : rows) {
			problems.addAll(problems(row));
		}
		assertThat(problems).as("stale rows of " + TABLE).isEmpty();
	}

	@Test
	@DisplayName("Issue 20 acceptance: the first section covers PCEC 6–9, 15, ZHHT 5 and CQM 6")
	void shouldCoverEveryClauseGroupOfTheFirstSection() throws IOException {
		List<String> lines = Files.readAllLines(TABLE);
		int first = lines.indexOf(lines.stream().filter(l -> l.startsWith("## ")).findFirst().orElseThrow());
		int second = lines.subList(first + 1, lines.size())
			.indexOf(lines.stream().filter(l -> l.startsWith("## ")).skip(1).findFirst().orElseThrow()) + first + 1;
		List<String> clauses = rows(lines.subList(first, second)).stream().map(Row::clause).toList();
		for (String group : List.of("PCEC 6", "PCEC 7", "PCEC 8", "PCEC 9", "PCEC 15", "ZHHT 5", "CQM 6")) {
			assertThat(clauses).as("a row for " + group).anyMatch(c -> c.startsWith(group));
		}
	}

	@Test
	@DisplayName("Issue 20 acceptance: a row naming a missing class, element, rule or test is reported")
	void shouldReportAPlaceOrTestThatDoesNotExist() {
		assertThat(problems(new Row(1, "PCEC 9", "`cn.certflow.decision.NoSuchListener`",
				"`cn.certflow.ClauseTableTest#shouldNameOnlyPlacesAndTestsThatExist`")))
			.hasSize(1);
		assertThat(problems(new Row(1, "PCEC 8.1", "`processes/initial-certification.bpmn#Task_NoSuchTask`",
				"`cn.certflow.ClauseTableTest#noSuchMethod`")))
			.hasSize(2);
		assertThat(problems(new Row(1, "PCEC 15", "`rules/audit-time.dmn#Rule_Band1_Initial`",
				"`cn.certflow.ClauseTableTest#shouldReportAPlaceOrTestThatDoesNotExist`")))
			.isEmpty();
		assertThat(problems(new Row(1, "PCEC 8.2.5", "`rules/audit-termination.drl#No such rule`", ""))).hasSize(2);
	}

	static List<Row> rows(List<String> lines) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).trim();
			if (!line.startsWith("|") || line.startsWith("|---") || line.startsWith("| Clause")) {
				continue;
			}
			String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
			assertThat(cells).as("line " + (i + 1) + " has four cells").hasSize(4);
			rows.add(new Row(i + 1, cells[0].trim(), cells[2], cells[3]));
		}
		return rows;
	}

	static List<String> problems(Row row) {
		List<String> problems = new ArrayList<>();
		List<String> places = codes(row.places());
		List<String> tests = codes(row.tests());
		if (places.isEmpty()) {
			problems.add("line " + row.line() + ": no place named");
		}
		if (tests.isEmpty()) {
			problems.add("line " + row.line() + ": no test named");
		}
		for (String place : places) {
			if (!placeExists(place)) {
				problems.add("line " + row.line() + ": " + place + " does not exist");
			}
		}
		for (String test : tests) {
			if (!testExists(test)) {
				problems.add("line " + row.line() + ": " + test + " does not exist");
			}
		}
		return problems;
	}

	private static List<String> codes(String cell) {
		List<String> codes = new ArrayList<>();
		Matcher matcher = CODE.matcher(cell);
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}

	private static boolean placeExists(String place) {
		int hash = place.indexOf('#');
		if (hash < 0) {
			return classExists(place);
		}
		Path file = Path.of(place.substring(0, hash));
		String name = place.substring(hash + 1);
		if (!Files.isRegularFile(file)) {
			return false;
		}
		try {
			String text = Files.readString(file);
			if (file.toString().endsWith(".drl")) {
				return text.contains("rule \"" + name + "\"");
			}
			return text.contains("id=\"" + name + "\"");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean testExists(String test) {
		int hash = test.indexOf('#');
		if (hash < 0) {
			return false;
		}
		try {
			Class<?> type = Class.forName(test.substring(0, hash));
			String method = test.substring(hash + 1);
			return Arrays.stream(type.getDeclaredMethods()).map(Method::getName).anyMatch(method::equals);
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	private static boolean classExists(String name) {
		try {
			Class.forName(name);
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

}
