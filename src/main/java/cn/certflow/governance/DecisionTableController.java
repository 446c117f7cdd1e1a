package cn.certflow.governance;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.security.ApiAccess;
import cn.certflow.security.Groups;
import cn.certflow.system.NotFoundException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which version of a decision table is in force, and the approval record of every version
 * (R-GRD-DMN): for quality managers, managers and administrators.
 */
@RestController
@RequestMapping("/api/decision-tables")
class DecisionTableController {

	private static final String[] READERS = { Groups.QUALITY_MANAGERS, Groups.MANAGERS, Groups.ADMINS };

	/**
	 * One version in a list.
	 */
	record VersionSummary(long approvalId, int version, String status, String definitionId, String deploymentId,
			OffsetDateTime deployedAt, String proposedBy, OffsetDateTime proposedAt, int caseCount, int failedCount,
			String casesSource, String decidedBy, OffsetDateTime decidedAt, String comment, String processInstanceId) {

		static VersionSummary of(DecisionApproval a) {
			return new VersionSummary(a.id(), a.version(), a.status().name(), a.definitionId(), a.deploymentId(),
					a.deployedAt(), a.proposedBy(), a.proposedAt(), a.caseCount(), a.failedCount(), a.casesSource(),
					a.decidedBy(), a.decidedAt(), a.comment(), a.processInstanceId());
		}

	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private final DecisionApprovals approvals;

	private final ApiAccess access;

	DecisionTableController(DecisionApprovals approvals, ApiAccess access) {
		this.approvals = approvals;
		this.access = access;
	}

	/** The version in force and every version of the key, newest first. */
	@GetMapping("/{key}")
	Map<String, Object> table(@PathVariable String key) {
		this.access.requireAnyGroup(READERS);
		List<DecisionApproval> versions = this.approvals.ofKey(key);
		if (versions.isEmpty()) {
			throw new NotFoundException("decision table " + key + " has no versions");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("decisionKey", key);
		body.put("inForce", this.approvals.inForceRecord(key).map(VersionSummary::of).orElse(null));
		body.put("versions", versions.stream().map(VersionSummary::of).toList());
		return body;
	}

	/**
	 * One version's record with its cases and every case's expected and actual outputs.
	 */
	@GetMapping("/approvals/{id}")
	Map<String, Object> approval(@PathVariable long id) {
		this.access.requireAnyGroup(READERS);
		DecisionApproval approval = this.approvals.get(id)
			.orElseThrow(() -> new NotFoundException("decision approval " + id + " not found"));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("decisionKey", approval.decisionKey());
		body.put("decisionName", approval.decisionName());
		body.put("summary", VersionSummary.of(approval));
		body.put("changes", approval.changes());
		body.put("caseResults", json(approval.caseResults()));
		body.put("cases", json(approval.casesJson()));
		body.put("reviewedBy", approval.reviewedBy());
		body.put("reviewedAt", approval.reviewedAt());
		body.put("reviewNote", approval.reviewNote());
		return body;
	}

	private static JsonNode json(String text) {
		if (text == null) {
			return null;
		}
		try {
			return JSON.readTree(text);
		}
		catch (JsonProcessingException ex) {
			return JSON.getNodeFactory().textNode(text);
		}
	}

}
