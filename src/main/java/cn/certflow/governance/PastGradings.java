package cn.certflow.governance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.certflow.grading.ApprovedDecision;
import cn.certflow.grading.GradingService;
import cn.certflow.grading.Scheme;
import cn.certflow.grading.SchemeCatalog;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The past gradings under one version of a grade table, from our score records (issue
 * 23): every audit's latest score given by that version (an audit scored again counts
 * once, with the score that stands), with its application, client and certificate. The
 * table's inputs are computed again from the item scores as entered, by the grading
 * service itself, so they are the ones the grading gave the table.
 */
@Component
class PastGradings {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TypeReference<Map<String, Object>> ENTERED = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final GradingService grading;

	private final Set<String> gradeTables;

	PastGradings(JdbcClient jdbc, GradingService grading, SchemeCatalog schemes) {
		this.jdbc = jdbc;
		this.grading = grading;
		this.gradeTables = schemes.all().stream().map(Scheme::gradingDecisionKey).collect(Collectors.toSet());
	}

	/** Whether the table grades a scheme (its past evaluations are score records). */
	boolean covers(String decisionKey) {
		return this.gradeTables.contains(decisionKey);
	}

	String source(ApprovedDecision inForce) {
		return "评分记录（audit_score）中由 " + inForce.decisionKey() + " v" + inForce.version() + " 评定、至今有效的评级";
	}

	List<PastEvaluation> of(ApprovedDecision inForce) {
		return this.jdbc.sql("select s.scheme, s.stars, s.grade, s.item_scores, s.scored_at, a.number, c.name,"
				+ " ce.number as certificate from audit_score s"
				+ " join (select audit_id, max(id) as id from audit_score group by audit_id) latest on latest.id = s.id"
				+ " join audit au on au.id = s.audit_id join application a on a.id = au.application_id"
				+ " join client c on c.id = a.client_id"
				+ " left join (select application_id, max(id) as id from certificate group by application_id) lc"
				+ " on lc.application_id = a.id left join certificate ce on ce.id = lc.id"
				+ " where s.decision_key = ? and s.decision_version = ? order by s.id")
			.params(inForce.decisionKey(), inForce.version())
			.query((rs, row) -> evaluation(rs.getString("scheme"), rs.getInt("stars"), rs.getString("grade"),
					rs.getString("item_scores"), rs.getObject("scored_at", OffsetDateTime.class),
					rs.getString("number"), rs.getString("name"), rs.getString("certificate")))
			.list();
	}

	PastEvaluation evaluation(String scheme, int stars, String grade, String itemScores, OffsetDateTime scoredAt,
			String application, String client, String certificate) {
		Map<String, Object> outcome = new java.util.LinkedHashMap<>();
		outcome.put("stars", stars);
		outcome.put("grade", grade);
		try {
			Map<String, Object> inputs = this.grading.decisionInputs(scheme, JSON.readValue(itemScores, ENTERED));
			return new PastEvaluation(application, certificate, client, scoredAt, inputs, outcome, null);
		}
		catch (RuntimeException | java.io.IOException ex) {
			return new PastEvaluation(application, certificate, client, scoredAt, Map.of(), outcome,
					"无法从评分记录还原输入：" + ex.getMessage());
		}
	}

}
