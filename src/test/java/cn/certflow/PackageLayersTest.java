package cn.certflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/ARCHITECTURE.md, the floors of the packages (issue 17 point 3): every package of
 * {@code src/main/java/cn/certflow} stands on one floor, and every reference from one
 * package to another (an import or a qualified name) goes to a lower floor. So no arrow
 * of the structure points up, and there is no cycle; a new arrow that would point up
 * fails here with the file and the name it uses.
 */
class PackageLayersTest {

	static final Path TABLE = Path.of("docs/ARCHITECTURE.md");

	static final Path SOURCES = Path.of("src/main/java/cn/certflow");

	private static final Pattern FLOOR_ROW = Pattern.compile("^\\|\\s*(\\d+)\\s*\\|(.*)\\|\\s*$");

	private static final Pattern CODE = Pattern.compile("`([a-z]+)`");

	private static final Pattern REFERENCE = Pattern.compile("\\bcn\\.certflow\\.([a-z]+)\\.[A-Z]");

	@Test
	@DisplayName("Issue 17.3 acceptance: every package stands on one floor of docs/ARCHITECTURE.md")
	void shouldPlaceEveryPackageOnOneFloor() throws IOException {
		Map<String, Integer> floors = floors(Files.readAllLines(TABLE));
		assertThat(floors.keySet()).as("packages on the floors of " + TABLE)
			.containsExactlyInAnyOrderElementsOf(packages());
	}

	@Test
	@DisplayName("Issue 17.3 acceptance: no package refers to one on its own floor or above (no upward arrow, no cycle)")
	void shouldReferOnlyToLowerFloors() throws IOException {
		Map<String, Integer> floors = floors(Files.readAllLines(TABLE));
		assertThat(upwardReferences(floors)).as("references that do not go down (" + TABLE + ")").isEmpty();
	}

	@Test
	@DisplayName("Issue 17.3: a reference to a package on the same floor or above is reported")
	void shouldReportAReferenceThatGoesUp() {
		Map<String, Integer> floors = Map.of("application", 4, "audit", 6);
		assertThat(problems("application", "AuditPlanning.java", "import cn.certflow.audit.AuditVariables;", floors))
			.containsExactly("application/AuditPlanning.java (floor 4) -> audit (floor 6): cn.certflow.audit.A");
		assertThat(problems("audit", "AuditService.java", "import cn.certflow.application.ApplicationService;", floors))
			.isEmpty();
	}

	static Map<String, Integer> floors(List<String> lines) {
		Map<String, Integer> floors = new LinkedHashMap<>();
		for (String line : lines) {
			Matcher row = FLOOR_ROW.matcher(line);
			if (row.matches()) {
				Matcher code = CODE.matcher(row.group(2));
				while (code.find()) {
					floors.put(code.group(1), Integer.parseInt(row.group(1)));
				}
			}
		}
		return floors;
	}

	private static Set<String> packages() throws IOException {
		try (Stream<Path> entries = Files.list(SOURCES)) {
			return entries.filter(Files::isDirectory)
				.map(p -> p.getFileName().toString())
				.collect(TreeSet::new, Set::add, Set::addAll);
		}
	}

	private static List<String> upwardReferences(Map<String, Integer> floors) throws IOException {
		List<String> problems = new ArrayList<>();
		Map<Path, String> files = new TreeMap<>();
		try (Stream<Path> all = Files.walk(SOURCES)) {
			all.filter(p -> p.toString().endsWith(".java") && p.getParent() != null && !p.getParent().equals(SOURCES))
				.forEach(p -> files.put(p, SOURCES.relativize(p).getName(0).toString()));
		}
		for (Map.Entry<Path, String> file : files.entrySet()) {
			problems.addAll(problems(file.getValue(), file.getKey().getFileName().toString(),
					Files.readString(file.getKey()), floors));
		}
		return problems;
	}

	static List<String> problems(String from, String file, String source, Map<String, Integer> floors) {
		List<String> problems = new ArrayList<>();
		Matcher reference = REFERENCE.matcher(source);
		Set<String> seen = new TreeSet<>();
		while (reference.find()) {
			String to = reference.group(1);
			if (!to.equals(from) && seen.add(to)) {
				int fromFloor = floors.getOrDefault(from, -1);
				int toFloor = floors.getOrDefault(to, Integer.MAX_VALUE);
				if (toFloor >= fromFloor) {
					problems.add(from + "/" + file + " (floor " + fromFloor + ") -> " + to + " (floor "
							+ ((toFloor == Integer.MAX_VALUE) ? "none" : toFloor) + "): " + reference.group());
				}
			}
		}
		return problems;
	}

}
