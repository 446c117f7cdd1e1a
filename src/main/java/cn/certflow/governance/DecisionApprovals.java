package cn.certflow.governance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import cn.certflow.grading.ApprovedDecision;
import cn.certflow.grading.ApprovedDecisions;
import cn.certflow.system.EngineTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The approval records of decision table versions (table {@code decision_approval},
 * R-GRD-DMN), and the version in force: the highest approved version of a key.
 */
@Repository
class DecisionApprovals implements ApprovedDecisions {

	private static final String COLUMNS = "id, decision_key, decision_name, decision_version, decision_definition_id,"
			+ " deployment_id, deployed_at, status, cases_source, cases_json, case_count, failed_count, case_results,"
			+ " changes, proposed_by, proposed_at, decided_by, decided_at, decision_comment, reviewed_by, reviewed_at,"
			+ " review_note, process_instance_id";

	/**
	 * A version found, with its case results and how it was settled.
	 */
	record NewRecord(String decisionKey, String decisionName, int version, String definitionId, String deploymentId,
			OffsetDateTime deployedAt, ApprovalStatus status, CasesToRun cases, CaseRun run, String changes,
			String proposedBy, String decidedBy, String comment) {
	}

	private final JdbcClient jdbc;

	/**
	 * The version in force (R-GRD-DMN): the highest approved version of the key; the key
	 * and the status are the parameters.
	 */
	private static final String IN_FORCE = " from decision_approval where decision_key = ? and status = ?"
			+ " order by decision_version desc fetch first 1 rows only";

	DecisionApprovals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The version in force, read with the three columns it needs: every grading and every
	 * audit-time plan asks, and the whole record carries the regression cases and their
	 * results (kilobytes of JSON each; issue 22, "our own record reads").
	 */
	@Override
	public ApprovedDecision inForce(String decisionKey) {
		return this.jdbc.sql("select decision_key, decision_version, decision_definition_id" + IN_FORCE)
			.params(decisionKey, ApprovalStatus.APPROVED.name())
			.query((rs, row) -> new ApprovedDecision(rs.getString(1), rs.getInt(2), rs.getString(3)))
			.optional()
			.orElseThrow(() -> new IllegalStateException("Decision '" + decisionKey
					+ "' has no approved version (R-GRD-DMN): deploy it with its regression cases"
					+ " and have a second quality manager approve it"));
	}

	Optional<DecisionApproval> inForceRecord(String decisionKey) {
		return this.jdbc.sql("select " + COLUMNS + IN_FORCE)
			.params(decisionKey, ApprovalStatus.APPROVED.name())
			.query(DecisionApprovals::map)
			.optional();
	}

	/** Highest version of the key with a record, whatever its status; null when none. */
	Integer highestRecordedVersion(String decisionKey) {
		return this.jdbc.sql("select max(decision_version) from decision_approval where decision_key = ?")
			.params(decisionKey)
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

	long insert(NewRecord record) {
		OffsetDateTime now = EngineTime.now();
		boolean decided = record.status() != ApprovalStatus.CANDIDATE;
		this.jdbc
			.sql("insert into decision_approval (decision_key, decision_name, decision_version, decision_definition_id,"
					+ " deployment_id, deployed_at, status, cases_source, cases_json, case_count, failed_count,"
					+ " case_results, changes, proposed_by, proposed_at, decided_by, decided_at, decision_comment)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(record.decisionKey(), record.decisionName(), record.version(), record.definitionId(),
					record.deploymentId(), record.deployedAt(), record.status().name(),
					(record.cases() != null) ? record.cases().source() : "（无）",
					(record.cases() != null) ? record.cases().json() : null, record.run().caseCount(),
					record.run().failedCount(), record.run().resultsJson(), record.changes(), record.proposedBy(), now,
					decided ? record.decidedBy() : null, decided ? now : null, decided ? record.comment() : null)
			.update();
		return this.jdbc.sql("select id from decision_approval where decision_definition_id = ?")
			.params(record.definitionId())
			.query(Long.class)
			.single();
	}

	void linkProcess(long id, String processInstanceId) {
		this.jdbc.sql("update decision_approval set process_instance_id = ? where id = ?")
			.params(processInstanceId, id)
			.update();
	}

	/**
	 * Approves or declines a candidate.
	 * @return false when it was no longer a candidate
	 */
	boolean decide(long id, ApprovalStatus status, String decidedBy, String comment) {
		return this.jdbc
			.sql("update decision_approval set status = ?, decided_by = ?, decided_at = ?, decision_comment = ?"
					+ " where id = ? and status = ?")
			.params(status.name(), decidedBy, EngineTime.now(), comment, id, ApprovalStatus.CANDIDATE.name())
			.update() == 1;
	}

	/**
	 * Whether the approver ticked "我已查看影响报告" (issue 23); null when the form had no such
	 * field.
	 */
	void recordImpactReviewed(long id, Boolean reviewed) {
		this.jdbc.sql("update decision_approval set impact_reviewed = ? where id = ?").params(reviewed, id).update();
	}

	Optional<Boolean> impactReviewed(long id) {
		return this.jdbc.sql("select impact_reviewed from decision_approval where id = ?")
			.params(id)
			.query((rs, row) -> (Boolean) rs.getObject(1, Boolean.class))
			.optional();
	}

	/** A quality manager took note of a rejected version's failing cases. */
	void reviewed(long id, String reviewedBy, String note) {
		this.jdbc.sql("update decision_approval set reviewed_by = ?, reviewed_at = ?, review_note = ? where id = ?")
			.params(reviewedBy, EngineTime.now(), note, id)
			.update();
	}

	/**
	 * An approved version whose deployment was deleted: out of force, the previous
	 * approved one applies again.
	 */
	void withdraw(long id, String reason) {
		this.jdbc
			.sql("update decision_approval set status = ?, decided_by = 'system', decided_at = ?, decision_comment = ?"
					+ " where id = ?")
			.params(ApprovalStatus.REJECTED.name(), EngineTime.now(), reason, id)
			.update();
	}

	Optional<DecisionApproval> get(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from decision_approval where id = ?")
			.params(id)
			.query(DecisionApprovals::map)
			.optional();
	}

	/** The record a decision-table-change process is about (linked when it started). */
	Optional<DecisionApproval> ofProcess(String processInstanceId) {
		return this.jdbc.sql("select " + COLUMNS + " from decision_approval where process_instance_id = ?")
			.params(processInstanceId)
			.query(DecisionApprovals::map)
			.optional();
	}

	Optional<DecisionApproval> ofDefinition(String definitionId) {
		return this.jdbc.sql("select " + COLUMNS + " from decision_approval where decision_definition_id = ?")
			.params(definitionId)
			.query(DecisionApprovals::map)
			.optional();
	}

	/** Every record of a key, newest version first. */
	List<DecisionApproval> ofKey(String decisionKey) {
		return this.jdbc
			.sql("select " + COLUMNS + " from decision_approval where decision_key = ? order by decision_version desc")
			.params(decisionKey)
			.query(DecisionApprovals::map)
			.list();
	}

	/** Every decision key with a recorded version, in key order. */
	List<String> keys() {
		return this.jdbc.sql("select distinct decision_key from decision_approval order by decision_key")
			.query(String.class)
			.list();
	}

	List<DecisionApproval> approved() {
		return this.jdbc.sql("select " + COLUMNS + " from decision_approval where status = ? order by id")
			.params(ApprovalStatus.APPROVED.name())
			.query(DecisionApprovals::map)
			.list();
	}

	private static DecisionApproval map(ResultSet rs, int row) throws SQLException {
		return new DecisionApproval(rs.getLong("id"), rs.getString("decision_key"), rs.getString("decision_name"),
				rs.getInt("decision_version"), rs.getString("decision_definition_id"), rs.getString("deployment_id"),
				rs.getObject("deployed_at", OffsetDateTime.class), ApprovalStatus.valueOf(rs.getString("status")),
				rs.getString("cases_source"), rs.getString("cases_json"), rs.getInt("case_count"),
				rs.getInt("failed_count"), rs.getString("case_results"), rs.getString("changes"),
				rs.getString("proposed_by"), rs.getObject("proposed_at", OffsetDateTime.class),
				rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class),
				rs.getString("decision_comment"), rs.getString("reviewed_by"),
				rs.getObject("reviewed_at", OffsetDateTime.class), rs.getString("review_note"),
				rs.getString("process_instance_id"));
	}

}
