package cn.certflow.operations;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.InitialCertification;
import cn.certflow.document.DocumentType;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.grading.ScoringMethod;
import cn.certflow.grading.SheetItem;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Drives CertFlow running in another JVM, only over HTTP, as staff would: our API for
 * applications and documents, Camunda's REST API (HTTP Basic, demo accounts) for tasks
 * and for what an operator does in Cockpit (job due dates, retries, incidents).
 */
final class CertFlowHttp {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
		.withZone(BEIJING);

	private static final SchemeCatalog SCHEMES = new SchemeCatalog();

	private final String baseUrl;

	private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

	CertFlowHttp(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	CertFlowHttp(AppNode node) {
		this(node.baseUrl());
	}

	/**
	 * A demo account (password = user name), or no credentials at all for
	 * {@link #ANONYMOUS}.
	 */
	RestClient as(String user) {
		return this.clients.computeIfAbsent(user, (name) -> {
			JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
					HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
			factory.setReadTimeout(Duration.ofSeconds(60));
			RestClient.Builder builder = RestClient.builder().baseUrl(this.baseUrl).requestFactory(factory);
			if (!ANONYMOUS.equals(name)) {
				builder.defaultHeaders((headers) -> headers.setBasicAuth(name, name, StandardCharsets.UTF_8));
			}
			return builder.build();
		});
	}

	static final String ANONYMOUS = "";

	/** The public certificate lookup, without credentials (R-CERT-2). */
	JsonNode lookup(String certificate) {
		return as(ANONYMOUS).get().uri("/api/certificates/{number}", certificate).retrieve().body(JsonNode.class);
	}

	JsonNode get(String user, String path) {
		return as(user).get().uri(path).retrieve().body(JsonNode.class);
	}

	HttpStatusCode status(String user, String path) {
		return as(user).get().uri(path).exchange((request, response) -> response.getStatusCode());
	}

	// --- our API

	String submit(ApplicationRequest request) {
		return as("reviewer").post()
			.uri("/api/applications")
			.contentType(MediaType.APPLICATION_JSON)
			.body(request)
			.retrieve()
			.body(JsonNode.class)
			.path("number")
			.asText();
	}

	void uploadMandatoryDocuments(String number) {
		for (DocumentType type : DocumentType.values()) {
			if (type.mandatory()) {
				uploadDocument(number, type);
			}
		}
	}

	void uploadDocument(String number, DocumentType type) {
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("type", type.name());
		HttpHeaders partHeaders = new HttpHeaders();
		partHeaders.setContentType(MediaType.APPLICATION_PDF);
		body.add("file", new org.springframework.http.HttpEntity<>(
				new ByteArrayResource(("%PDF-1.4 " + type).getBytes(StandardCharsets.UTF_8)) {
					@Override
					public String getFilename() {
						return type.name().toLowerCase() + ".pdf";
					}
				}, partHeaders));
		as("reviewer").post()
			.uri("/api/applications/{number}/documents", number)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(body)
			.retrieve()
			.toBodilessEntity();
	}

	/** The types of the documents uploaded for an application. */
	List<String> documentTypes(String number) {
		List<String> types = new ArrayList<>();
		get("reviewer", "/api/applications/" + number + "/documents")
			.forEach((document) -> types.add(document.path("type").asText()));
		return types;
	}

	/**
	 * The number of the running certification started for this client (credit code), or
	 * null if none.
	 */
	String numberSubmittedFor(String creditCode) {
		JsonNode instances = get("admin",
				"/engine-rest/process-instance?processDefinitionKey=" + InitialCertification.KEY + "&variables="
						+ InitialCertification.CREDIT_CODE.getName() + "_eq_" + creditCode);
		return instances.isEmpty() ? null : instances.get(0).path("businessKey").asText();
	}

	// --- Camunda REST: tasks

	List<String> taskIds(String user, String number, String taskKey) {
		List<String> ids = new ArrayList<>();
		get(user, "/engine-rest/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + taskKey)
			.forEach((task) -> ids.add(task.path("id").asText()));
		return ids;
	}

	void complete(String user, String number, String taskKey, Map<String, Object> variables) {
		List<String> ids = taskIds(user, number, taskKey);
		if (ids.size() != 1) {
			throw new AssertionError(user + " sees " + ids.size() + " tasks " + taskKey + " of " + number);
		}
		Map<String, Object> camunda = new HashMap<>();
		// lists (the scoring form's dynamic lists) go as Tasklist sends them: JSON text
		variables.forEach((name, value) -> camunda.put(name,
				(value instanceof List<?> list)
						? Map.of("type", "Json", "value", list.isEmpty() ? "[]" : String.valueOf(list))
						: Map.of("value", value)));
		as(user).post()
			.uri("/engine-rest/task/{id}/complete", ids.get(0))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("variables", camunda))
			.retrieve()
			.toBodilessEntity();
	}

	// --- Camunda REST: what an operator does in Cockpit

	/** The jobs of processes (not the engine's own, such as history cleanup). */
	List<JsonNode> processJobs() {
		List<JsonNode> jobs = new ArrayList<>();
		get("admin", "/engine-rest/job?maxResults=10000").forEach((job) -> {
			if (!job.path("processInstanceId").isNull()) {
				jobs.add(job);
			}
		});
		return jobs;
	}

	/** The jobs of the certification of this application (not of its on-site audit). */
	JsonNode jobs(String number) {
		return get("admin", "/engine-rest/job?processInstanceId=" + instanceId(number));
	}

	JsonNode job(String jobId) {
		return get("admin", "/engine-rest/job/" + jobId);
	}

	void setDueDate(String jobId, Instant due) {
		as("admin").put()
			.uri("/engine-rest/job/{id}/duedate", jobId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("duedate", CAMUNDA_DATE.format(due)))
			.retrieve()
			.toBodilessEntity();
	}

	/** Resolves a failed-job incident as an operator does: one more try, due now. */
	void retryNow(String jobId) {
		as("admin").put()
			.uri("/engine-rest/job/{id}/retries", jobId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("retries", 1, "dueDate", CAMUNDA_DATE.format(Instant.now().minusSeconds(1))))
			.retrieve()
			.toBodilessEntity();
	}

	JsonNode incidents(String number) {
		return get("admin", "/engine-rest/incident?processInstanceId=" + instanceId(number));
	}

	/** The running certification of this application, or null when it has ended. */
	String instanceId(String number) {
		JsonNode instances = get("admin", "/engine-rest/process-instance?businessKey=" + number
				+ "&processDefinitionKey=" + InitialCertification.KEY);
		return instances.isEmpty() ? null : instances.get(0).path("id").asText();
	}

	/** Where the ended certification of this application ended, or null while it runs. */
	String endActivity(String number) {
		JsonNode instances = get("admin", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + number
				+ "&processDefinitionKey=" + InitialCertification.KEY + "&finished=true");
		if (instances.isEmpty()) {
			return null;
		}
		// the end event of the process itself (an escalation branch ends in an end event
		// of its own)
		JsonNode ends = get("admin",
				"/engine-rest/history/activity-instance?activityType=noneEndEvent&processInstanceId="
						+ instances.get(0).path("id").asText() + "&sortBy=endTime&sortOrder=desc");
		return ends.isEmpty() ? "(no end event)" : ends.get(0).path("activityId").asText();
	}

	// --- the usual steps, each as the role that does it

	void accept(String number) {
		uploadMandatoryDocuments(number);
		complete(acceptStep(number));
	}

	void reject(String number, String reason) {
		complete("reviewer", number, InitialCertification.Elements.REVIEW_APPLICATION,
				Map.of("reviewOutcome", "REJECT", "rejectionReason", reason));
	}

	void toOnsiteAudit(String number) {
		toOnsiteAuditSteps(number).forEach(this::complete);
	}

	void finishOnsiteAudit(String number) {
		finishOnsiteAuditSteps(number).forEach(this::complete);
	}

	/** A user task completed by whom, with what its form submits. */
	record TaskStep(String user, String number, String taskKey, Map<String, Object> variables) {
	}

	void complete(TaskStep step) {
		complete(step.user(), step.number(), step.taskKey(), step.variables());
	}

	static TaskStep acceptStep(String number) {
		return new TaskStep("reviewer", number, InitialCertification.Elements.REVIEW_APPLICATION,
				cn.certflow.application.CertificationDriver.acceptance(Map.of()));
	}

	/** From the signed contract to the on-site audit's open evaluation tasks. */
	static List<TaskStep> toOnsiteAuditSteps(String number) {
		return List.of(
				new TaskStep("reviewer", number, InitialCertification.Elements.SIGN_CONTRACT,
						Map.of("contractNumber", "HT-" + number, "contractSignedOn", today())),
				new TaskStep("lead", number, InitialCertification.Elements.APPOINT_AUDIT_TEAM,
						Map.of("leadAuditor", "lead", "auditTeam", "auditor")),
				new TaskStep("lead", number, InitialCertification.Elements.REVIEW_DOCUMENTS,
						Map.of("documentReviewOutcome", "PASSED")),
				new TaskStep("lead", number, InitialCertification.Elements.PLAN_AUDIT,
						Map.of("leadAuditor", "lead", "auditTeam", "auditor", "plannedDate", today())),
				new TaskStep("lead", number, "Task_OpeningMeeting",
						Map.of("planConfirmed", true, "attendance", "总经理、售后服务部经理")));
	}

	/** The on-site audit, evaluation to closing meeting, with full marks. */
	static List<TaskStep> finishOnsiteAuditSteps(String number) {
		return List.of(
				new TaskStep("auditor", number, "Task_EvaluateServiceCharacteristics",
						Map.of("findings", "服务特性测评符合要求")),
				new TaskStep("auditor", number, "Task_AuditServiceManagement", Map.of("findings", "服务管理体系运行有效")),
				new TaskStep("lead", number, "Task_ScoreAudit", fullMarks()),
				new TaskStep("lead", number, "Task_ClosingMeeting", Map.of("nonconformities", "")));
	}

	static TaskStep certifyStep(String number) {
		return new TaskStep("decider", number, InitialCertification.Elements.CERTIFICATION_DECISION,
				Map.of("decisionOutcome", "CERTIFY"));
	}

	/** From a fresh application to the open certification decision. */
	String toDecision(ApplicationRequest request) {
		String number = submit(request);
		accept(number);
		toOnsiteAudit(number);
		finishOnsiteAudit(number);
		return number;
	}

	void certify(String number) {
		complete(certifyStep(number));
	}

	private static Map<String, Object> fullMarks() {
		Map<String, Object> scores = new HashMap<>();
		for (SheetItem item : SCHEMES.get("PCEC").sheet().items()) {
			scores.put(item.variableName(ScoringMethod.GBT27922_SHEET), String.valueOf(item.points()));
		}
		scores.put("deductions", List.of());
		scores.put("strengths", List.of());
		scores.putAll(cn.certflow.application.CertificationDriver.RECORDS_CONFIRMED);
		return scores;
	}

	static String today() {
		return LocalDate.now(BEIJING).toString();
	}

}
