package cn.certflow.bench;

import static cn.certflow.bench.Report.f;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every SQL statement the application sends to PostgreSQL while it runs whole
 * certifications, counted by {@code pg_stat_statements} (issue 22 "count per writing
 * transaction, by statement"): calls, rows and execution time per statement, divided by
 * the number of certifications, the top 20 by calls, and the totals by kind (SELECT,
 * INSERT, UPDATE, DELETE). Counts do not depend on the machine's load, so a change of the
 * count is a change of the code. Needs
 * {@code shared_preload_libraries = 'pg_stat_statements'} on the server
 * (docs/OPERATIONS.md); without it the census says so and the run goes on.
 */
final class StatementCensus {

	/**
	 * From and where of a read of {@code pg_stat_statements}: the scratch database's
	 * statements the application sent, without the harness's own reads of
	 * {@code pg_stat_statements} and of {@code pg_stat_activity} ({@link PostgresCpu}'s
	 * look-up of the backends, twice per measurement) and without transaction control.
	 */
	static final String APPLICATIONS = " from pg_stat_statements s join pg_database d on d.oid = s.dbid"
			+ " where d.datname = current_database() and s.query not like '%pg_stat_statements%'"
			+ " and s.query not like '%pg_stat_activity%'"
			+ " and s.query not in ('BEGIN', 'COMMIT', 'ROLLBACK', 'SELECT 1', 'select 1')";

	/** One statement: per certification (or per the census's unit). */
	record Entry(double calls, double rows, double millis, String query) {

		String kind() {
			String q = this.query.stripLeading().toLowerCase(Locale.ROOT);
			int space = q.indexOf(' ');
			return (space > 0) ? q.substring(0, space) : q;
		}

	}

	/** The census of one run of {@code certifications} certifications. */
	record Result(int certifications, List<Entry> top, double calls, double millis, String byKind, String unit) {
	}

	private final ScratchDatabase db;

	private String unavailable;

	StatementCensus(ScratchDatabase db) {
		this.db = db;
	}

	/** Forgets every statement counted so far. */
	boolean reset() {
		try (Connection c = this.db.connect(); Statement s = c.createStatement()) {
			s.execute("create extension if not exists pg_stat_statements");
			s.execute("select pg_stat_statements_reset()");
			return true;
		}
		catch (SQLException ex) {
			this.unavailable = ex.getMessage();
			return false;
		}
	}

	String unavailable() {
		return this.unavailable;
	}

	/** The statements of this database since {@link #reset()}, per certification. */
	Result read(int certifications) throws SQLException {
		return read(certifications, "certification", "target/statements.tsv");
	}

	/**
	 * The statements of this database since {@link #reset()}, per {@code unit} (a
	 * certification, a fired timer), also written whole to {@code tsv}.
	 */
	Result read(int certifications, String unit, String tsv) throws SQLException {
		List<Entry> all = new ArrayList<>();
		try (Connection c = this.db.connect();
				PreparedStatement s = c.prepareStatement("select s.calls, s.rows, s.total_exec_time, s.query"
						+ APPLICATIONS + " order by s.calls desc")) {
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					all.add(new Entry(rs.getDouble(1) / certifications, rs.getDouble(2) / certifications,
							rs.getDouble(3) / certifications, rs.getString(4).replaceAll("\\s+", " ").trim()));
				}
			}
		}
		double calls = all.stream().mapToDouble(Entry::calls).sum();
		double millis = all.stream().mapToDouble(Entry::millis).sum();
		StringBuilder kinds = new StringBuilder();
		for (String kind : List.of("select", "insert", "update", "delete")) {
			double n = all.stream().filter((e) -> e.kind().equals(kind)).mapToDouble(Entry::calls).sum();
			kinds.append(kinds.isEmpty() ? "" : ", ").append(f("%s %.0f", kind.toUpperCase(Locale.ROOT), n));
		}
		StringBuilder rows = new StringBuilder("calls\trows\texec_ms\tstatement\n");
		all.forEach((e) -> rows.append(f("%.1f\t%.1f\t%.2f\t%s%n", e.calls(), e.rows(), e.millis(), e.query())));
		try {
			java.nio.file.Files.writeString(java.nio.file.Path.of(tsv), rows);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return new Result(certifications, all.stream().limit(20).toList(), calls, millis, kinds.toString(), unit);
	}

	/** The top statements as a Markdown table. */
	static String table(Result result) {
		StringBuilder md = new StringBuilder();
		md.append(f(
				"Top 20 statements per %s (pg_stat_statements, %d of them; "
						+ "%.1f statements and %.2f ms of PostgreSQL execution per %s; %s)%n%n",
				result.unit(), result.certifications(), result.calls(), result.millis(), result.unit(),
				result.byKind()));
		md.append("| # | calls | rows | exec ms | statement |\n|---:|---:|---:|---:|---|\n");
		int i = 1;
		for (Entry e : result.top()) {
			String q = (e.query().length() > 220) ? e.query().substring(0, 220) + " …" : e.query();
			md.append(f("| %d | %.1f | %.1f | %.2f | `%s` |%n", i++, e.calls(), e.rows(), e.millis(),
					q.replace("|", "\\|").replace("`", "'")));
		}
		return md.toString();
	}

}
