package cn.certflow.accreditation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import cn.certflow.certificate.CertificateStatus;
import cn.certflow.impartiality.ImpartialityCheck;

/**
 * Everything about a certificate's cycle, for the accreditation assessor (ISO/IEC 17065 7.12 records): from our
 * tables (application, documents, contract, reviews, audits, scores, nonconformities, decision, certificate, status
 * history, impartiality record) and Camunda's history (who completed each step, the DMN evaluation). JSON as is;
 * HTML rendered section by section from the same tree.
 */
record AccreditationFile(Generated generated, CertificateFace certificate, Application application,
		ApplicationReview applicationReview, List<Document> documents, Contract contract,
		List<DocumentReviewRound> documentReview, List<Audit> audits, Grade grade, Decision decision,
		List<ImpartialityCheck> impartiality, List<Notice> notices, List<StatusChange> statusHistory,
		List<ProcessStep> processHistory, Lifecycle surveillance, Lifecycle recertification,
		Lifecycle complaintsAndAppeals) {

	record Generated(OffsetDateTime at, String by, String note) {
	}

	record CertificateFace(String number, int revision, String certificationBody, String holderName,
			String holderAddress, String creditCode, String scope, String scheme, String ruleDocument, String standard,
			int stars, String grade, LocalDate issuedOn, LocalDate expiresOn, String signatory,
			CertificateStatus recordedStatus, CertificateStatus statusToday) {
	}

	record Application(String number, String clientName, String clientAddress, String creditCode, String legalStatus,
			String scheme, int requestedStars, String technicalArea, String categories, List<String> sites,
			int headcount, List<String> declaredDocuments, OffsetDateTime receivedAt, String processInstanceId) {
	}

	record ApplicationReview(OffsetDateTime dueAt, OffsetDateTime reviewedAt, String reviewedBy, Long minutesTaken,
			Boolean withinDeadline, String outcome, String notes, String rejectionReason, List<Escalation> escalations) {
	}

	record Escalation(String kind, OffsetDateTime dueAt, OffsetDateTime escalatedAt, String escalatedTo) {
	}

	record Document(String type, String fileName, String contentType, long sizeBytes, String sha256,
			String uploadedBy, OffsetDateTime uploadedAt) {
	}

	record Contract(String number, LocalDate signedOn, String recordedBy, OffsetDateTime recordedAt) {
	}

	record DocumentReviewRound(int round, boolean passed, String findings, String reviewedBy,
			OffsetDateTime reviewedAt) {
	}

	record Audit(long id, String type, int personDays, LocalDate plannedOn, String plannedBy, OffsetDateTime plannedAt,
			String leadAuditor, List<TeamMember> team, String status, String outcome,
			List<ImpartialityCheck> impartialityChecks, List<AuditEvent> events, List<Score> scores,
			List<Nonconformity> nonconformities) {
	}

	record TeamMember(String userId, String role) {
	}

	record AuditEvent(String kind, String details, String recordedBy, OffsetDateTime recordedAt) {
	}

	/** One scoring: the result, the table version used, and every item as scored. */
	record Score(BigDecimal score, int stars, String grade, String decisionKey, int decisionVersion,
			List<String> explanation, List<ItemScore> items, Map<String, Object> otherInputs, String scoredBy,
			OffsetDateTime scoredAt) {
	}

	/** A sheet item: its points and what it was given (不适用 and blanks as entered). */
	record ItemScore(String item, String category, String indicator, int points, String awarded) {
	}

	record Nonconformity(String description, OffsetDateTime raisedAt, OffsetDateTime dueAt, OffsetDateTime closedAt,
			String closedBy) {
	}

	/** The grade on the certificate and the DMN table that gave it, with the engine's record of the evaluation. */
	record Grade(String grade, int stars, int gradedStars, String decisionKey, int decisionVersion,
			String decisionDefinitionId, String decisionName, String resourceName, String deploymentId,
			OffsetDateTime deployedAt, List<String> explanation, Evaluation evaluation) {
	}

	record Evaluation(String historicDecisionInstanceId, OffsetDateTime evaluatedAt, Map<String, Object> inputs,
			Map<String, Object> outputs) {
	}

	record Decision(boolean certified, int stars, String reasons, String externalInformation, String decidedBy,
			OffsetDateTime decidedAt, List<ImpartialityCheck> impartialityChecks) {
	}

	record Notice(String kind, String body, String createdBy, OffsetDateTime createdAt) {
	}

	record StatusChange(String entity, String key, String fromStatus, String toStatus, String changedBy,
			OffsetDateTime changedAt, String reason) {
	}

	/** A step of a process run from Camunda's history; who completed a task from its user operation log. */
	record ProcessStep(String process, String activityId, String activity, String type, String assignee,
			String completedBy, OffsetDateTime startedAt, OffsetDateTime endedAt, boolean canceled) {
	}

	/** A run of a lifecycle process (surveillance, recertification, complaint, appeal) for this certificate. */
	record ProcessRun(String processDefinitionKey, String processInstanceId, String businessKey,
			OffsetDateTime startedAt, OffsetDateTime endedAt, String state) {
	}

	record Lifecycle(List<Audit> audits, List<ProcessRun> processes, String note) {
	}

}
