package cn.certflow.accreditation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import cn.certflow.appeal.CaseRecord;
import cn.certflow.certificate.CertificateRequest;
import cn.certflow.certificate.CertificateRevision;
import cn.certflow.certificate.CertificateStatus;
import cn.certflow.competence.Qualification;
import cn.certflow.impartiality.ImpartialityCheck;

/**
 * Everything about a certificate's life, for the accreditation assessor (ISO/IEC 17065
 * 7.12 records): from our tables (application, documents, contract, reviews, audits,
 * scores, nonconformities, decisions, certificate and its revisions, surveillance,
 * requests, appeals and complaints, status history, impartiality record) and Camunda's
 * history (who completed each step, the DMN evaluation). JSON as is; HTML rendered
 * section by section from the same tree.
 */
record AccreditationFile(Generated generated, CertificateFace certificate, List<CertificateRevision> revisions,
		Application application, ApplicationReview applicationReview, List<Document> documents, Contract contract,
		List<DocumentReviewRound> documentReview, List<Audit> audits, Grade grade, Decision decision,
		List<ImpartialityCheck> impartiality, List<Qualification.Held> competence, List<Notice> notices,
		List<StatusChange> statusHistory, List<ProcessStep> processHistory, Surveillance surveillance,
		Recertification recertification, Changes changes, ComplaintsAndAppeals complaintsAndAppeals) {

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
			Boolean withinDeadline, String outcome, String notes, String rejectionReason,
			List<Escalation> escalations) {
	}

	record Escalation(String kind, OffsetDateTime dueAt, OffsetDateTime escalatedAt, String escalatedTo) {
	}

	record Document(String type, String fileName, String contentType, long sizeBytes, String sha256, String uploadedBy,
			OffsetDateTime uploadedAt) {
	}

	record Contract(String number, LocalDate signedOn, String recordedBy, OffsetDateTime recordedAt) {
	}

	record DocumentReviewRound(int round, boolean passed, String findings, String reviewedBy,
			OffsetDateTime reviewedAt) {
	}

	/**
	 * An audit (initial, surveillance, special, recertification, change, extension,
	 * upgrade) and its decision.
	 */
	record Audit(long id, String type, int personDays, LocalDate plannedOn, String plannedBy, OffsetDateTime plannedAt,
			String leadAuditor, List<TeamMember> team, String status, String outcome,
			List<ImpartialityCheck> impartialityChecks, List<AuditEvent> events, List<Score> scores,
			List<Nonconformity> nonconformities, Decision decision) {
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

	/**
	 * The grade on the certificate and what it rests on: the scoring of the audit whose
	 * positive decision set it, the DMN table (key, version, deployment) that graded it,
	 * its explanation and the engine's record of the evaluation, and the impact report of
	 * that table version (issue 23: whom it graded differently before it took effect),
	 * null when it has none (a release's baseline).
	 */
	record Grade(String grade, int stars, String certificateExplanation, Long auditId, String auditType,
			BigDecimal score, Integer gradedStars, String decisionKey, Integer decisionVersion,
			String decisionDefinitionId, String decisionName, String resourceName, String deploymentId,
			OffsetDateTime deployedAt, List<String> explanation, Evaluation evaluation, String impactReport) {
	}

	record Evaluation(String historicDecisionInstanceId, OffsetDateTime evaluatedAt, Map<String, Object> inputs,
			Map<String, Object> outputs) {
	}

	/**
	 * A decision; {@code notRecommendedOverride} is the written reason for certifying an
	 * audit the team did not recommend (R-DEC-3, PCEC 8.2.4), otherwise null.
	 */
	record Decision(boolean certified, int stars, String reasons, String externalInformation,
			String notRecommendedOverride, String decidedBy, OffsetDateTime decidedAt,
			List<ImpartialityCheck> impartialityChecks) {
	}

	record Notice(String kind, String body, String createdBy, OffsetDateTime createdAt) {
	}

	record StatusChange(String entity, String key, String fromStatus, String toStatus, String changedBy,
			OffsetDateTime changedAt, String reason, String processKey, String processInstanceId) {
	}

	/**
	 * A step of a process run from Camunda's history; who completed a task from its user
	 * operation log.
	 */
	record ProcessStep(String process, String activityId, String activity, String type, String assignee,
			String completedBy, OffsetDateTime startedAt, OffsetDateTime endedAt, boolean canceled) {
	}

	/**
	 * Annual surveillance (R-SUR-1): each year's due date, postponement, audit and
	 * decision; special audits too.
	 */
	record Surveillance(List<cn.certflow.surveillance.Surveillance> schedule, List<Audit> audits, String note) {
	}

	/**
	 * Recertification audits and their decisions (R-REC-1); the renewed revision is under
	 * revisions.
	 */
	record Recertification(List<Audit> audits, String note) {
	}

	/**
	 * Requests about the certificate (change, extension, upgrade, transition,
	 * suspension…) and their audits.
	 */
	record Changes(List<CertificateRequest> requests, List<Audit> audits, String note) {
	}

	/** Appeals and complaints about the certificate or its application (R-APL-1). */
	record ComplaintsAndAppeals(List<CaseRecord> cases, String note) {
	}

}
