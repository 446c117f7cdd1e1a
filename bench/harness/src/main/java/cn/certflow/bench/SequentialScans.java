package cn.certflow.bench;

import static cn.certflow.bench.Report.f;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which tables PostgreSQL read by sequential scan, and how many rows
 * (pg_stat_user_tables): the evidence for an index. The harness's own checks add a few
 * scans (e.g. reading all certificate numbers once per growth level).
 */
final class SequentialScans {

	private SequentialScans() {
	}

	/** Per table: [sequential scans, rows they read] so far. */
	static Map<String, long[]> read(ScratchDatabase db) throws Exception {
		Map<String, long[]> scans = new LinkedHashMap<>();
		try (Connection c = db.connect();
				PreparedStatement s = c
					.prepareStatement("select relname, seq_scan, seq_tup_read from pg_stat_user_tables");
				ResultSet rs = s.executeQuery()) {
			while (rs.next()) {
				scans.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
			}
		}
		return scans;
	}

	/**
	 * The eight tables whose sequential scans read most rows between two readings: "table
	 * scans / rows".
	 */
	static String busiest(Map<String, long[]> before, Map<String, long[]> after) {
		List<String[]> rows = new ArrayList<>();
		after.forEach((table, now) -> {
			long[] was = before.getOrDefault(table, new long[2]);
			long rowsRead = now[1] - was[1];
			if (rowsRead > 0) {
				rows.add(new String[] { table, String.valueOf(now[0] - was[0]), String.valueOf(rowsRead) });
			}
		});
		rows.sort((a, b) -> Long.compare(Long.parseLong(b[2]), Long.parseLong(a[2])));
		StringBuilder text = new StringBuilder();
		for (String[] row : rows.subList(0, Math.min(8, rows.size()))) {
			text.append(text.isEmpty() ? "" : ", ")
				.append(f("%s %,d / %,d", row[0], Long.parseLong(row[1]), Long.parseLong(row[2])));
		}
		return text.isEmpty() ? "none" : text.toString();
	}

}
