package cn.certflow.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.certflow.competence.QualificationRole;
import cn.certflow.competence.Qualifications;
import cn.certflow.document.DocumentOwner;
import cn.certflow.document.DocumentType;
import cn.certflow.document.Documents;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.grading.ScoringMethod;
import cn.certflow.grading.SheetItem;
import cn.certflow.portal.ClientAccount;
import cn.certflow.portal.ClientTasks;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Drives an initial certification the way staff do in Tasklist: each task completed by a
 * named user under Camunda authorization, with the variables its form submits. Used by
 * the process and integration tests.
 */
@Component
public class CertificationDriver {

	private final ApplicationService applications;

	private final Documents documents;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final SchemeCatalog schemes;

	private final Qualifications qualifications;

	private final ClientTasks clientTasks;

	CertificationDriver(ApplicationService applications, Documents documents, TaskService tasks, RuntimeService runtime,
			IdentityService identity, SchemeCatalog schemes, Qualifications qualifications, ClientTasks clientTasks) {
		this.clientTasks = clientTasks;
		this.qualifications = qualifications;
		this.applications = applications;
		this.documents = documents;
		this.tasks = tasks;
		this.runtime = runtime;
		this.identity = identity;
		this.schemes = schemes;
	}

	/** A valid, unique unified social credit code (GB 32100). */
	public static String newCreditCode() {
		StringBuilder code = new StringBuilder("91120106");
		for (int i = 0; i < 9; i++) {
			code.append(CreditCode.ALPHABET.charAt(ThreadLocalRandom.current().nextInt(CreditCode.ALPHABET.length())));
		}
		return code.append(CreditCode.checkCharacter(code.toString())).toString();
	}

	/**
	 * The application as Tasklist's start form submits it: each field under its form key,
	 * lists as the form joins them.
	 */
	public static Map<String, Object> startFormValues(ApplicationRequest application) {
		Map<String, Object> values = new HashMap<>();
		values.put("clientName", application.clientName());
		values.put("clientAddress", application.clientAddress());
		values.put("creditCode", application.creditCode());
		values.put("legalStatus", application.legalStatus());
		values.put("schemeId", application.schemeId());
		values.put("requestedStars", application.requestedStars());
		values.put("technicalArea", application.technicalArea());
		values.put("categories", String.join(",", application.categories()));
		values.put("sites", String.join("\n", application.sites()));
		values.put("headcount", application.headcount());
		values.put("declaredDocuments", String.join(",", application.documents()));
		return values;
	}

	public static ApplicationRequest request(String schemeId, int requestedStars, int headcount) {
		return new ApplicationRequest("天津某某电器服务有限公司", "天津市红桥区丁字沽三号路85号", newCreditCode(), "有限责任公司", schemeId,
				requestedStars, "01.07", List.of("机械和设备制造业服务"), List.of("天津市红桥区丁字沽三号路85号"), headcount,
				declaredDocuments(schemeId));
	}

	/**
	 * The applicant's mandatory documents of the scheme (PCEC 6.2, ZHHT 5.1), as the
	 * start form's checklist declares them.
	 */
	public static List<String> declaredDocuments(String schemeId) {
		return java.util.Arrays.stream(DocumentType.values())
			.filter((t) -> t.fromApplicant() && t.mandatoryFor(schemeId))
			.map(DocumentType::name)
			.toList();
	}

	/**
	 * The review form's credit-information lookups with nothing found (R-CRED-1, PCEC
	 * 7.1, ZHHT 5.2.1 a).
	 */
	public static Map<String, Object> clearCreditChecks() {
		return Map.of("creditLookedUp", "国家企业信用信息公示系统、信用中国：按统一社会信用代码查询", "creditCheckedOn",
				cn.certflow.system.EngineTime.today().toString(), "creditPenalty", "CLEAR", "creditAbnormalList",
				"CLEAR", "creditSeriousList", "CLEAR");
	}

	/** The review form's values to accept, with clear credit lookups. */
	public static Map<String, Object> acceptance(Map<String, Object> more) {
		Map<String, Object> values = new HashMap<>(clearCreditChecks());
		values.put("reviewOutcome", "ACCEPT");
		values.putAll(more);
		return values;
	}

	public String submit(ApplicationRequest request) {
		return this.applications.submit(request);
	}

	/**
	 * Every document the application's scheme needs before acceptance (PCEC 6.2 / ZHHT
	 * 5.1), the reviewer's credit-lookup screenshot included (R-CRED-1).
	 */
	public void uploadMandatoryDocuments(String number) {
		String scheme = this.applications.get(number).schemeId();
		for (DocumentType type : DocumentType.values()) {
			if (type.mandatoryFor(scheme)) {
				this.documents.upload(DocumentOwner.application(number), type.name(),
						type.name().toLowerCase() + ".pdf", "application/pdf",
						("%PDF-1.4 " + type.title()).getBytes(java.nio.charset.StandardCharsets.UTF_8), "reviewer");
			}
		}
	}

	/**
	 * A test account's qualification for the role in every scheme, in the technical-area
	 * groups the tests apply in (R-COMP-1), as the demo accounts have them.
	 */
	public void qualify(String user, QualificationRole role) {
		for (String scheme : List.of("PCEC", "ZHHT", "CQM")) {
			for (String area : List.of("01", "29")) {
				this.qualifications.ensure(user, role, scheme, area, java.time.LocalDate.of(2020, 1, 1),
						java.time.LocalDate.of(2099, 12, 31), "测试数据", "admin");
			}
		}
	}

	/** One document of this type, as the reviewer uploads it. */
	public void upload(String number, DocumentType type) {
		this.documents.upload(DocumentOwner.application(number), type.name(), type.name().toLowerCase() + ".pdf",
				"application/pdf", ("%PDF-1.4 " + type.title()).getBytes(java.nio.charset.StandardCharsets.UTF_8),
				"reviewer");
	}

	public ProcessInstance instance(String number) {
		return this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(number, InitialCertification.KEY)
			.singleResult();
	}

	/**
	 * The open task of this application (in the certification or its on-site audit) with
	 * this definition key.
	 */
	public Task task(String number, String taskDefinitionKey) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(number)
			.taskDefinitionKey(taskDefinitionKey)
			.singleResult();
	}

	/**
	 * Completes the task as the user would in Tasklist: authenticated, with authorization
	 * checks.
	 */
	public void complete(String user, String number, String taskDefinitionKey, Map<String, Object> variables) {
		Task task = task(number, taskDefinitionKey);
		if (task == null) {
			throw new AssertionError("no open task " + taskDefinitionKey + " for " + number + "; waiting at "
					+ this.runtime.createProcessInstanceQuery()
						.processInstanceBusinessKey(number)
						.list()
						.stream()
						.map(p -> p.getProcessDefinitionId().split(":")[0]
								+ this.runtime.getActiveActivityIds(p.getId()))
						.toList());
		}
		as(user, () -> this.tasks.complete(task.getId(), variables));
	}

	public void claim(String user, String number, String taskDefinitionKey) {
		Task task = task(number, taskDefinitionKey);
		as(user, () -> this.tasks.claim(task.getId(), user));
	}

	public void as(String user, Runnable action) {
		List<String> groups = this.identity.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		this.identity.setAuthentication(user, groups);
		try {
			action.run();
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	/**
	 * PCEC/ZHHT scoring form: every item at full marks except {@code pointsLost} points
	 * taken from the first items.
	 */
	/**
	 * What the scoring form states first (PCEC 8.2.4): the client's representative
	 * confirmed the on-site records.
	 */
	public static final Map<String, Object> RECORDS_CONFIRMED = Map.of("clientConfirmedRecords", true,
			"recordsConfirmedBy", "王五（售后服务部经理）");

	public Map<String, Object> sheetScores(String schemeId, int pointsLost) {
		Map<String, Object> scores = new HashMap<>();
		int toLose = pointsLost;
		ScoringMethod method = this.schemes.get(schemeId).scoring();
		for (SheetItem item : this.schemes.get(schemeId).sheet().items()) {
			int lost = Math.min(toLose, item.points());
			toLose -= lost;
			scores.put(item.variableName(method), (method == ScoringMethod.GBT27922_SHEET)
					? String.valueOf(item.points() - lost) : (long) (item.points() - lost));
		}
		if (method != ScoringMethod.GBT27922_SHEET) {
			// CQM: four years operating, nothing serious (R-GRD-CQM-*); the surveys and
			// the
			// management audit come from the evaluation tasks (openAndEvaluate)
			scores.put("operatingMonths", 48L);
			for (String zero : List.of("liabilityAccidents12m", "liabilityAccidents24m", "negativeInfo12m",
					"negativeInfo24m", "negativeInfoTotal", "majorComplaints", "majorComplaintsUnrectified")) {
				scores.put(zero, 0L);
			}
		}
		else {
			scores.put("deductions", List.of());
			scores.put("strengths", List.of());
		}
		scores.putAll(RECORDS_CONFIRMED);
		return scores;
	}

	// --- the usual steps, each as the role that does it

	public void acceptApplication(String number) {
		uploadMandatoryDocuments(number);
		complete("reviewer", number, InitialCertification.Elements.REVIEW_APPLICATION, acceptance(Map.of()));
	}

	public void signContract(String number) {
		complete("reviewer", number, InitialCertification.Elements.SIGN_CONTRACT, Map.of("contractNumber",
				"HT-" + number, "contractSignedOn", cn.certflow.system.EngineTime.today().toString()));
	}

	/**
	 * The document review, by the lead of the audit team appointed before it (PCEC 8.1,
	 * issue 20.3).
	 */
	public void passDocuments(String number) {
		String lead = (String) this.runtime.getVariable(instance(number).getId(),
				cn.certflow.audit.AuditVariables.LEAD_AUDITOR.getName());
		complete(lead, number, InitialCertification.Elements.REVIEW_DOCUMENTS,
				Map.of("documentReviewOutcome", "PASSED"));
	}

	/**
	 * The audit team appointed before the document review (PCEC 8.1, issue 20.3), by the
	 * lead.
	 */
	public void appointTeam(String number, String lead, String team) {
		complete(lead, number, InitialCertification.Elements.APPOINT_AUDIT_TEAM,
				Map.of("leadAuditor", lead, "auditTeam", team));
	}

	/**
	 * After the contract, as PCEC 8.1 orders it: the audit team appointed, its document
	 * review passed, then the on-site audit planned with that team.
	 */
	public void reviewAndPlan(String number, String lead, String team) {
		appointTeam(number, lead, team);
		passDocuments(number);
		planAudit(number, lead, team);
	}

	public void planAudit(String number, String lead, String team) {
		complete(lead, number, InitialCertification.Elements.PLAN_AUDIT, Map.of("leadAuditor", lead, "auditTeam", team,
				"plannedDate", cn.certflow.system.EngineTime.today().toString()));
	}

	/**
	 * CQM 5.3 and 5.4 as the evaluation tasks record them (issue 20 point 10): surveys
	 * high, management audit passed with no serious nonconformity.
	 */
	public static final Map<String, Object> CQM_SURVEY = Map.of("surveyScore", 95L, "faceSurveyScore", 95L);

	public static final Map<String, Object> CQM_MANAGEMENT_AUDIT = Map.of("managementAuditPassed", true,
			"seriousNonconformities", 0L);

	public void openAndEvaluate(String number, String lead, String auditor) {
		complete(lead, number, "Task_OpeningMeeting", Map.of("planConfirmed", true, "attendance", "总经理、售后服务部经理"));
		Task characteristics = task(number, "Task_EvaluateServiceCharacteristics");
		boolean cqm = "CQM".equals(this.runtime.getVariable(characteristics.getProcessInstanceId(),
				ApplicationVariables.SCHEME_ID.getName()));
		complete(auditor, number, "Task_EvaluateServiceCharacteristics",
				withCqm(cqm, CQM_SURVEY, Map.of("findings", "服务特性测评符合要求")));
		complete(auditor, number, "Task_AuditServiceManagement",
				withCqm(cqm, CQM_MANAGEMENT_AUDIT, Map.of("findings", "服务管理体系运行有效")));
	}

	private static Map<String, Object> withCqm(boolean cqm, Map<String, Object> results, Map<String, Object> findings) {
		Map<String, Object> values = new HashMap<>(findings);
		if (cqm) {
			values.putAll(results);
		}
		return values;
	}

	public void score(String number, String lead, String schemeId, int pointsLost) {
		complete(lead, number, "Task_ScoreAudit", sheetScores(schemeId, pointsLost));
	}

	public void closeMeeting(String number, String lead, String nonconformities) {
		complete(lead, number, "Task_ClosingMeeting", Map.of("nonconformities", nonconformities));
	}

	/**
	 * The applicant sends its corrected documents in the portal, as the portal's service
	 * takes them (issue 18.3, R-DOC-1): one corrected organisation chart and its note,
	 * completing the task as a client account of the applicant.
	 */
	public void submitCorrections(String number, String note) {
		Task task = task(number, InitialCertification.Elements.SUBMIT_CORRECTIONS);
		if (task == null) {
			throw new AssertionError("no document-corrections task of the client for " + number);
		}
		String creditCode = this.applications.get(number).creditCode();
		ClientAccount client = new ClientAccount("client-" + creditCode.toLowerCase(), 0, creditCode, "申请组织", null);
		this.clientTasks.submitDocumentCorrections(client, task.getId(), note,
				List.of(new Documents.Upload(DocumentType.ORGANISATION_CHART.name(), "organisation-chart.pdf",
						"application/pdf", "%PDF-1.4 组织机构图（整改后）".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
	}

	/**
	 * The client answers the open nonconformities of the audit of {@code number} (an
	 * application's or a certificate's business key) in the portal, as the portal's
	 * service takes it (issue 18.3): a correction and corrective action and one evidence
	 * PDF for each, completing its task as a client account of the audited client.
	 */
	public void answerCorrectiveActions(String number) {
		Task task = task(number, "Task_SubmitCorrectiveActions");
		if (task == null) {
			throw new AssertionError("no corrective-action task of the client for " + number);
		}
		answerCorrectiveActions(task);
	}

	/**
	 * The client answers the nonconformities of this corrective-action task in the
	 * portal.
	 */
	public void answerCorrectiveActions(Task task) {
		String creditCode = (String) this.runtime.getVariable(task.getProcessInstanceId(),
				ApplicationVariables.CREDIT_CODE.getName());
		ClientAccount client = new ClientAccount("client-" + creditCode.toLowerCase(), 0, creditCode, "受审查方", null);
		ClientTasks.ClientTask open = this.clientTasks.task(client, task.getId());
		List<ClientTasks.ToAnswer> rows = this.clientTasks.toAnswer(open);
		Map<Integer, List<MultipartFile>> evidence = new HashMap<>();
		for (ClientTasks.ToAnswer row : rows) {
			evidence.put(row.index(),
					List.of(new MockMultipartFile("evidence[" + row.index() + "]",
							"evidence-" + row.nonconformity().id() + ".pdf", "application/pdf",
							"%PDF-1.4 整改证据".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
		}
		this.clientTasks.submitCorrectiveActions(client, task.getId(),
				rows.stream().map((row) -> "已分析原因，已纠正并制定纠正措施，防止再次发生").toList(), evidence);
	}

	/**
	 * A fresh 3★ PCEC application to the certification decision task, audited by
	 * {@code lead} with {@code member}.
	 */
	public String toDecisionWithTeam(String lead, String member) {
		return toDecision(request("PCEC", 3, 120), 0, lead, member);
	}

	/**
	 * From a fresh PCEC application to the certification decision task, audited by lead +
	 * auditor.
	 */
	public String toDecision(ApplicationRequest request, int pointsLost) {
		return toDecision(request, pointsLost, "lead", "auditor");
	}

	/**
	 * From a fresh application to the certification decision task, audited by this team.
	 */
	public String toDecision(ApplicationRequest request, int pointsLost, String lead, String member) {
		String number = submit(request);
		acceptApplication(number);
		signContract(number);
		reviewAndPlan(number, lead, member);
		openAndEvaluate(number, lead, member);
		score(number, lead, request.schemeId(), pointsLost);
		closeMeeting(number, lead, "");
		return number;
	}

}
