package cn.certflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one run: printed as a table and written as Markdown rows for
 * docs/PERFORMANCE.md. Every figure comes with its ratio to a baseline measured in the
 * same run, named in the row.
 */
final class Report {

	record Row(String section, String what, String figure, String ratio, String target) {
	}

	private final List<Row> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private final List<String> sections = new ArrayList<>();

	void row(String section, String what, String figure, String ratio, String target) {
		Row row = new Row(section, what, figure, ratio, target);
		this.rows.add(row);
		System.out.printf("[bench] %-10s %-58s %22s   %-30s %s%n", section, what, figure, ratio, target);
	}

	void note(String note) {
		this.notes.add(note);
		System.out.println("[bench] note: " + note);
	}

	/**
	 * A Markdown section written after the rows and notes (e.g. a table of statements).
	 */
	void section(String markdown) {
		this.sections.add(markdown);
	}

	static String f(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	/** A target verdict: met / not met. */
	static String verdict(boolean met, String target) {
		return target + ": " + (met ? "**met**" : "**not met**");
	}

	void print() {
		String format = "%-10s %-58s %22s   %-34s %s%n";
		System.out.println();
		System.out.printf(format, "section", "what", "figure", "ratio (baseline of this run)", "target (issue 8)");
		String section = null;
		for (Row row : this.rows) {
			if (section != null && !section.equals(row.section)) {
				System.out.println();
			}
			section = row.section;
			System.out.printf(format, row.section, row.what, row.figure, row.ratio, row.target.replace("**", ""));
		}
		System.out.println();
		this.notes.forEach(n -> System.out.println("note: " + n));
	}

	void write(Path file, String header) throws IOException {
		StringBuilder md = new StringBuilder(header).append("\n\n");
		md.append("| scenario | what | figure | ratio to the baseline of the same run | target (issue 8) |\n");
		md.append("|---|---|---:|---|---|\n");
		for (Row row : this.rows) {
			md.append("| ")
				.append(row.section)
				.append(" | ")
				.append(row.what)
				.append(" | ")
				.append(row.figure)
				.append(" | ")
				.append(row.ratio)
				.append(" | ")
				.append(row.target)
				.append(" |\n");
		}
		if (!this.notes.isEmpty()) {
			md.append('\n');
			this.notes.forEach(n -> md.append("- ").append(n).append('\n'));
		}
		this.sections.forEach((section) -> md.append('\n').append(section));
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.writeString(file, md, StandardCharsets.UTF_8);
	}

}
