package cn.certflow.governance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.certflow.grading.ApprovedDecision;
import cn.certflow.system.EngineTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The impact reports of candidate versions (tables {@code decision_impact} and
 * {@code decision_impact_change}, migration V20, issue 23): one per candidate, written
 * once with the approval record.
 */
@Repository
class DecisionImpacts implements DecisionImpactReports {

	private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final String COLUMNS = "id, approval_id, decision_key, decision_version, decision_definition_id,"
			+ " compared_version, compared_definition_id, source, evaluated, changed, failed, inconsistent, summary,"
			+ " difference_summary, problem, simulated_at, duration_ms";

	/**
	 * A stored report, without its changes.
	 */
	record StoredImpact(long id, long approvalId, String decisionKey, int version, String definitionId,
			int comparedVersion, String comparedDefinitionId, String source, int evaluated, int changed, int failed,
			int inconsistent, String summary, String differenceSummary, String problem, OffsetDateTime simulatedAt,
			long durationMs) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	DecisionImpacts(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	@Override
	public Optional<String> pagePath(String decisionKey, int version) {
		return find(decisionKey, version).map((impact) -> DecisionImpactReports.pagePathOf(decisionKey, version));
	}

	long insert(long approvalId, String definitionId, int version, ApprovedDecision inForce, ImpactReport report) {
		this.jdbc
			.sql("insert into decision_impact (approval_id, decision_key, decision_version, decision_definition_id,"
					+ " compared_version, compared_definition_id, source, evaluated, changed, failed, inconsistent,"
					+ " summary, difference_summary, problem, simulated_at, duration_ms)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(approvalId, report.decisionKey(), version, definitionId, inForce.version(), inForce.definitionId(),
					cut(report.source(), 500), report.evaluated(), report.changed(), report.failed(),
					report.inconsistent(), cut(report.summary(), 1000), cut(report.differenceSummary(), 1000),
					cut(report.problem(), 4000), EngineTime.now(), report.durationMs())
			.update();
		long id = this.jdbc.sql("select id from decision_impact where decision_definition_id = ?")
			.params(definitionId)
			.query(Long.class)
			.single();
		List<Object[]> rows = new ArrayList<>();
		for (ImpactChange change : report.changes()) {
			rows.add(new Object[] { id, change.line(), cut(change.subject(), 60), change.subjectType(),
					change.application(), change.certificate(), cut(change.client(), 200), change.evaluatedAt(),
					cut(json(change.inputs()), 4000), cut(json(change.before()), 1000),
					(change.after() != null) ? cut(json(change.after()), 1000) : null, cut(change.ruleBefore(), 500),
					cut(change.ruleAfter(), 500), change.difference(), cut(change.error(), 2000) });
		}
		this.batch.batchUpdate("insert into decision_impact_change (impact_id, line_no, subject, subject_type,"
				+ " application, certificate, client_name, evaluated_at, inputs, outcome_before, outcome_after,"
				+ " rule_before, rule_after, difference, error) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				rows);
		return id;
	}

	Optional<StoredImpact> find(String decisionKey, int version) {
		return this.jdbc
			.sql("select " + COLUMNS + " from decision_impact where decision_key = ? and decision_version = ?")
			.params(decisionKey, version)
			.query(DecisionImpacts::map)
			.optional();
	}

	Optional<StoredImpact> ofApproval(long approvalId) {
		return this.jdbc.sql("select " + COLUMNS + " from decision_impact where approval_id = ?")
			.params(approvalId)
			.query(DecisionImpacts::map)
			.optional();
	}

	List<ImpactChange> changes(long impactId) {
		return changes(impactId, 1, Integer.MAX_VALUE);
	}

	/** The changes from line {@code fromLine} on (1-based), at most {@code count}. */
	List<ImpactChange> changes(long impactId, int fromLine, int count) {
		return this.jdbc
			.sql("select line_no, subject, subject_type, application, certificate, client_name, evaluated_at, inputs,"
					+ " outcome_before, outcome_after, rule_before, rule_after, difference, error"
					+ " from decision_impact_change where impact_id = ? and line_no >= ? and line_no < ? order by line_no")
			.params(impactId, fromLine, (long) fromLine + count)
			.query((rs, row) -> new ImpactChange(rs.getInt("line_no"), rs.getString("subject"),
					rs.getString("subject_type"), rs.getString("application"), rs.getString("certificate"),
					rs.getString("client_name"), rs.getObject("evaluated_at", OffsetDateTime.class),
					values(rs.getString("inputs")), values(rs.getString("outcome_before")),
					values(rs.getString("outcome_after")), rs.getString("rule_before"), rs.getString("rule_after"),
					decimal(rs.getBigDecimal("difference")), rs.getString("error")))
			.list();
	}

	private static BigDecimal decimal(BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros() : null;
	}

	private static StoredImpact map(ResultSet rs, int row) throws SQLException {
		return new StoredImpact(rs.getLong("id"), rs.getLong("approval_id"), rs.getString("decision_key"),
				rs.getInt("decision_version"), rs.getString("decision_definition_id"), rs.getInt("compared_version"),
				rs.getString("compared_definition_id"), rs.getString("source"), rs.getInt("evaluated"),
				rs.getInt("changed"), rs.getInt("failed"), rs.getInt("inconsistent"), rs.getString("summary"),
				rs.getString("difference_summary"), rs.getString("problem"),
				rs.getObject("simulated_at", OffsetDateTime.class), rs.getLong("duration_ms"));
	}

	private static String json(Map<String, Object> values) {
		try {
			return JSON.writeValueAsString(values);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> values(String json) {
		if (json == null) {
			return null;
		}
		try {
			return JSON.readValue(json, MAP);
		}
		catch (JsonProcessingException ex) {
			return Map.of("text", json);
		}
	}

	private static String cut(String text, int length) {
		return (text == null || text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

}
