package cn.certflow.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import cn.certflow.application.CertificationDriver;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.grading.ScoringMethod;
import cn.certflow.grading.SheetItem;
import cn.certflow.security.Groups;
import cn.certflow.surveillance.CertificateAudit;
import cn.certflow.system.EngineTime;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The people of a simulated certification body: for each task of the models, how many
 * working days it waits before somebody takes it, who does it (the assignee, else the
 * demo account of its candidate group) and what they enter. Values are those of the test
 * drivers, with the outcomes drawn so that every path of the models is taken in a year:
 * audits score like real ones (a few fail, a few lose a star), some document reviews ask
 * for corrections, some audits raise nonconformities, a few surveillances are postponed,
 * a few clients do not apply for recertification. The decider follows the audit team's
 * recommendation (R-SUR-3: never milder) and refuses a failing grade. A task nobody
 * described is done with the plausible values of its form (see FormValues).
 *
 * <p>
 * With {@code staffThreads} above 1 the tasks due in a round are done by that many people
 * at once (as in a real body), one process instance's tasks by one of them in order; a
 * task that collides with another in the same process tree (the engine's optimistic lock)
 * is done again alone after the round.
 */
final class SimulatedStaff {

	/** How a task is done: after minDays..maxDays, with these values. */
	record Habit(int minDays, int maxDays, BiFunction<Map<String, Object>, Random, Map<String, Object>> values) {
	}

	private static final Map<String, String> ACCOUNT_OF_GROUP = Map.of(Groups.REVIEWERS, "reviewer",
			Groups.LEAD_AUDITORS, "lead", Groups.AUDITORS, "auditor", Groups.DECISION_MAKERS, "decider",
			Groups.QUALITY_MANAGERS, "quality", Groups.MANAGERS, "manager");

	/** An appeal's or complaint's decision (R-APL-1). */
	static final String DECIDE_CASE = "Task_DecideCase";

	/**
	 * Who decides appeals and complaints: quality managers the simulation keeps out of
	 * every other task, the first of them the application does not find involved in the
	 * contested matter (R-APL-1: nobody involved decides it; a decider of an earlier case
	 * about the same certificate is involved in the next). {@link #hireCaseDeciders}
	 * creates the accounts after the second demo quality manager.
	 */
	static final List<String> CASE_DECIDERS = List.of("quality2", "quality3", "quality4", "quality5", "quality6",
			"quality7");

	private static final Habit UNKNOWN = new Habit(1, 5, (variables, random) -> Map.of());

	private final Map<String, Habit> habits = new HashMap<>();

	private final Map<String, LocalDate> dueToBeDone = new ConcurrentHashMap<>();

	private final Map<String, Integer> doneByKey = new ConcurrentHashMap<>();

	private final Map<String, Integer> unknownKeys = new ConcurrentHashMap<>();

	/** Tasks whose completion the application refused, with the reason: left open. */
	private final Map<String, String> refused = new ConcurrentHashMap<>();

	/** The people working at once. */
	private final Workers people;

	/** Wall time spent listing the open tasks and completing them. */
	long listingNanos;

	long completingNanos;

	/** Completions done again alone after colliding with another. */
	final AtomicInteger collisions = new AtomicInteger();

	private final CertificationDriver driver;

	private final TaskService tasks;

	private final FormValues forms;

	/** The client's task of answering the audit's nonconformities (PCEC 8.2.6). */
	static final String CORRECTIVE_ACTIONS = "Task_SubmitCorrectiveActions";

	private final Random random;

	private final SchemeCatalog schemes;

	SimulatedStaff(CertificationDriver driver, TaskService tasks, FormValues forms, SchemeCatalog schemes,
			Random random, Workers people) {
		this.people = people;
		this.schemes = schemes;
		this.driver = driver;
		this.tasks = tasks;
		this.forms = forms;
		this.random = random;
		describeInitialCertification();
		describeOnsiteAudit();
		describeAfterTheCertificate();
	}

	private void describeInitialCertification() {
		this.habits.put("Task_ReviewApplication",
				new Habit(1, 12, (v, r) -> CertificationDriver.acceptance(Map.of("confirmClientChange", true))));
		this.habits.put("Task_HandleOverdueReview",
				new Habit(0, 1, (v, r) -> Map.of("escalationAction", "已督促评审人员当日完成评审")));
		this.habits.put("Task_SignContract", new Habit(2, 10,
				(v, r) -> Map.of("contractNumber", "HT-" + v.get("applicationNumber"), "contractSignedOn", today())));
		this.habits.put("Task_AppointAuditTeam",
				new Habit(1, 5, (v, r) -> Map.of("leadAuditor", "lead", "auditTeam", "auditor")));
		this.habits.put("Task_ReviewDocuments", new Habit(2, 8,
				(v, r) -> (r.nextInt(100) < 15)
						? Map.of("documentReviewOutcome", "CORRECTIONS_NEEDED", "documentFindings", "服务手册未覆盖安装服务，请补充")
						: Map.of("documentReviewOutcome", "PASSED", "documentFindings", "文件符合要求")));
		this.habits.put("Task_SubmitCorrections",
				new Habit(3, 20, (v, r) -> Map.of("correctionsNote", "已补充安装服务章节并重新上传")));
		this.habits.put("Task_PlanAudit", new Habit(5, 25,
				(v, r) -> Map.of("leadAuditor", "lead", "auditTeam", "auditor", "plannedDate", today())));
		this.habits.put("Task_CertificationDecision", new Habit(1, 7, SimulatedStaff::decideCertification));
	}

	private void describeOnsiteAudit() {
		this.habits.put("Task_OpeningMeeting",
				new Habit(0, 0, (v, r) -> Map.of("planConfirmed", true, "attendance", "总经理、售后服务部经理")));
		// CQM 5.3 / 5.4 (issue 20 point 10): the surveys on the characteristic
		// evaluation,
		// the management audit's result on its own task
		this.habits.put("Task_EvaluateServiceCharacteristics", new Habit(0, 1, (v, r) -> withCqm(v,
				Map.of("surveyScore", (long) (75 + r.nextInt(25)), "faceSurveyScore", (long) (75 + r.nextInt(25))),
				"服务特性测评符合要求")));
		this.habits.put("Task_AuditServiceManagement",
				new Habit(0, 1, (v, r) -> withCqm(v, CertificationDriver.CQM_MANAGEMENT_AUDIT, "服务管理体系运行有效")));
		this.habits.put("Task_ScoreAudit", new Habit(0, 2, this::score));
		this.habits.put("Task_ClosingMeeting", new Habit(0, 0,
				(v, r) -> Map.of("nonconformities", (r.nextInt(100) < 20) ? "1. 服务回访记录不完整（GB/T 27922 5.3）" : "")));
		this.habits.put(CORRECTIVE_ACTIONS, new Habit(5, 25, (v, r) -> Map.of()));
		this.habits.put("Task_HandleOverdueCorrectiveActions",
				new Habit(0, 2, (v, r) -> Map.of("overdueCorrectiveActionsNotes", "已电话督促客户提交整改")));
		this.habits.put("Task_HandleOverdueVerification",
				new Habit(0, 1, (v, r) -> Map.of("overdueVerificationNotes", "已督促审查组长三个工作日内完成验证")));
		this.habits.put("Task_VerifyCorrections",
				new Habit(10, 28, (v, r) -> Map.of("verificationOutcome", "CLOSED", "verificationNotes", "整改证据已验证")));
		this.habits.put("Task_ApproveTermination",
				new Habit(0, 2, (v, r) -> Map.of("terminationApproved", true, "terminationReviewNotes", "同意终止")));
	}

	private void describeAfterTheCertificate() {
		this.habits.put("Task_PlanCertificateAudit", new Habit(5, 40, (v, r) -> {
			Map<String, Object> plan = new HashMap<>();
			if (r.nextInt(100) < 5 && "SURVEILLANCE".equals(v.get("auditKind"))) {
				plan.put("planDecision", "POSTPONE");
				plan.put("postponeReason", "客户旺季，申请推迟监督审查");
				plan.put("postponedTo", EngineTime.today().plusDays(30).toString());
				return plan;
			}
			plan.put("planDecision", "PLAN");
			plan.put("leadAuditor", "lead");
			plan.put("auditTeam", "auditor");
			plan.put("plannedDate", today());
			plan.put("sampledSite", "天津市红桥区丁字沽三号路85号");
			plan.put("auditContent", List.of("NC_FOLLOW_UP", "CERTIFICATE_AND_MARK_USE", "SERVICE_CHARACTERISTICS",
					"SERVICE_MANAGEMENT"));
			return plan;
		}));
		this.habits.put("Task_DecideCertificateAudit", new Habit(1, 7, SimulatedStaff::decideCertificateAudit));
		this.habits.put("Task_HandleOverduePlanning",
				new Habit(0, 2, (v, r) -> Map.of("overduePlanningNotes", "已督促审查组长本周内完成策划")));
		this.habits.put("Task_HandleOverdueSurveillance",
				new Habit(0, 2, (v, r) -> Map.of("overdueNotes", "已联系客户安排监督审查")));
		this.habits.put("Task_ReceiveRecertificationApplication",
				new Habit(10, 60, (v, r) -> Map.of("recertificationDecision",
						(r.nextInt(100) < 92) ? "APPLY" : "NOT_APPLYING", "changesDeclared", false)));
		this.habits.put("Task_ReviewRecertificationDocuments",
				new Habit(2, 10, (v, r) -> Map.of("recertificationDocumentsOutcome", "PASSED")));
		this.habits.put("Task_ReviewChangeRequest",
				new Habit(2, 10, (v, r) -> Map.of("changeReviewOutcome", "ACCEPT", "onsiteAuditNeeded", false)));
		this.habits.put("Task_VerifyLifting",
				new Habit(20, 60, (v, r) -> Map.of("causeCleared", true, "verificationNotes", "现场验证暂停原因已消除")));
		this.habits.put("Task_AcknowledgeCase",
				new Habit(1, 4, (v, r) -> Map.of("acknowledgementText", "已收到，将在规定时间内答复")));
		this.habits.put("Task_DecideCase",
				new Habit(5, 25, (v, r) -> Map.of("caseOutcome", (r.nextInt(100) < 30) ? "UPHELD" : "DISMISSED",
						"caseOutcomeReasons", "经调查核实", "clientAtFault", false)));
	}

	/**
	 * Points lost on the scoring sheet: most clients lose 2–15 points, a few more than 30
	 * (not certified).
	 */
	private Map<String, Object> score(Map<String, Object> variables, Random random) {
		String scheme = String.valueOf(variables.get("schemeId"));
		int lost = (int) Math.min(45, Math.abs(Math.round(random.nextGaussian() * 9 + 8)));
		if ("CQM".equals(scheme)) {
			return cqmScores(random);
		}
		return this.driver.sheetScores(scheme, lost);
	}

	private static Map<String, Object> withCqm(Map<String, Object> variables, Map<String, Object> results,
			String findings) {
		Map<String, Object> values = new HashMap<>(Map.of("findings", findings));
		if ("CQM".equals(variables.get("schemeId"))) {
			values.putAll(results);
		}
		return values;
	}

	/**
	 * CQM: each service-characteristics indicator of the scheme's own sheet at 70–100 %
	 * of its points, nothing serious (the surveys and the management audit come from the
	 * evaluation tasks).
	 */
	private Map<String, Object> cqmScores(Random random) {
		Map<String, Object> values = new HashMap<>();
		for (SheetItem item : this.schemes.get("CQM").sheet().items()) {
			values.put(item.variableName(ScoringMethod.CQM_CHARACTERISTICS),
					Math.round(item.points() * (0.7 + 0.3 * random.nextDouble())));
		}
		values.put("operatingMonths", 48L);
		for (String zero : List.of("liabilityAccidents12m", "liabilityAccidents24m", "negativeInfo12m",
				"negativeInfo24m", "negativeInfoTotal", "majorComplaints", "majorComplaintsUnrectified")) {
			values.put(zero, 0L);
		}
		values.putAll(CertificationDriver.RECORDS_CONFIRMED);
		return values;
	}

	/**
	 * The decider certifies a recommended, passing audit and refuses the rest, in
	 * writing.
	 */
	private static Map<String, Object> decideCertification(Map<String, Object> variables, Random random) {
		boolean passing = "RECOMMENDED".equals(variables.get("auditOutcome"))
				&& variables.get("stars") instanceof Number && ((Number) variables.get("stars")).intValue() > 0;
		return passing ? Map.of("decisionOutcome", "CERTIFY")
				: Map.of("decisionOutcome", "REFUSE", "decisionReasons", "评分未达到认证要求（" + variables.get("grade") + "）");
	}

	/** The decider after an audit follows the rules' recommendation (its first word). */
	private static Map<String, Object> decideCertificateAudit(Map<String, Object> variables, Random random) {
		// a surveillance is kept, downgraded, suspended or withdrawn; a recertification,
		// change or extension approved or refused (CertificateAudit.Kind)
		CertificateAudit.Kind kind = CertificateAudit.Kind
			.valueOf(String.valueOf(variables.getOrDefault("auditKind", "SURVEILLANCE")));
		String recommendation = String.valueOf(variables.getOrDefault("recommendation", "")).trim();
		String decision = recommendation.isEmpty() ? "" : recommendation.split("[\\s:：(（]")[0];
		if (!kind.decisions().contains(decision)) {
			decision = kind.decisions().contains(CertificateAudit.KEEP) ? CertificateAudit.KEEP
					: CertificateAudit.APPROVE;
		}
		Map<String, Object> values = new HashMap<>();
		values.put("certificateAuditDecision", decision);
		values.put("certificateAuditReasons",
				List.of(CertificateAudit.KEEP, CertificateAudit.APPROVE).contains(decision) ? ""
						: "按规则建议：" + recommendation);
		values.put("sanctionFacts", List.of());
		return values;
	}

	/**
	 * Completes every open task whose day has come; returns how many. A task gets its day
	 * when the simulation first sees it.
	 */
	int workOn(LocalDate today) {
		long began = System.nanoTime();
		List<Task> due = new ArrayList<>();
		for (Task task : this.tasks.createTaskQuery().active().initializeFormKeys().list()) {
			Habit habit = habit(task);
			LocalDate day = this.dueToBeDone.computeIfAbsent(task.getId(), (id) -> workingDaysAfter(created(task),
					habit.minDays() + this.random.nextInt(habit.maxDays() - habit.minDays() + 1)));
			if (!day.isAfter(today) && !this.refused.containsKey(task.getId())) {
				due.add(task);
			}
		}
		long listed = System.nanoTime();
		this.listingNanos += listed - began;
		int done = doAll(due);
		this.completingNanos += System.nanoTime() - listed;
		return done;
	}

	private int doAll(List<Task> due) {
		AtomicInteger done = new AtomicInteger();
		List<Task> collided = this.people.doAll(due, Task::getProcessInstanceId,
				(task) -> done.addAndGet(attempt(task)));
		this.collisions.addAndGet(collided.size());
		for (Task task : collided) {
			if (this.tasks.createTaskQuery().taskId(task.getId()).count() > 0) {
				done.addAndGet(attempt(task));
			}
		}
		return done.get();
	}

	/**
	 * Completes a task: 1 when done, 0 when the application refused it (recorded); a
	 * collision with another completion is thrown.
	 */
	private int attempt(Task task) {
		try {
			complete(task, this.habits.getOrDefault(task.getTaskDefinitionKey(), UNKNOWN));
			this.dueToBeDone.remove(task.getId());
			return 1;
		}
		catch (OptimisticLockingException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			String message = String.valueOf(ex.getMessage());
			this.refused.put(task.getId(),
					task.getTaskDefinitionKey() + " (form "
							+ ((task.getCamundaFormRef() != null) ? task.getCamundaFormRef().getKey() : "-") + "): "
							+ message.substring(0, Math.min(300, message.length())));
			return 0;
		}
	}

	private Habit habit(Task task) {
		Habit habit = this.habits.getOrDefault(task.getTaskDefinitionKey(), UNKNOWN);
		if (habit == UNKNOWN) {
			this.unknownKeys.merge(task.getTaskDefinitionKey(), 1, Integer::sum);
		}
		return habit;
	}

	private void complete(Task task, Habit habit) {
		Map<String, Object> variables = this.tasks.getVariables(task.getId());
		Map<String, Object> values = this.forms.submit(task, habit.values().apply(variables, this.random), today());
		String user = who(task);
		if (CORRECTIVE_ACTIONS.equals(task.getTaskDefinitionKey())) {
			// the client answers each nonconformity with evidence in its portal
			this.driver.answerCorrectiveActions(task);
		}
		else if (user == null) {
			this.tasks.complete(task.getId(), values); // the client, in its portal
		}
		else if (DECIDE_CASE.equals(task.getTaskDefinitionKey())) {
			decideCase(task, values);
		}
		else {
			this.driver.as(user, () -> this.tasks.complete(task.getId(), values));
		}
		this.doneByKey.merge(task.getTaskDefinitionKey(), 1, Integer::sum);
	}

	/**
	 * The first case decider the application accepts (R-APL-1 refuses one involved in the
	 * contested matter, changing nothing); the last refusal if all are involved.
	 */
	private void decideCase(Task task, Map<String, Object> values) {
		RuntimeException refusal = null;
		for (String decider : CASE_DECIDERS) {
			try {
				this.driver.as(decider, () -> this.tasks.complete(task.getId(), values));
				return;
			}
			catch (RuntimeException ex) {
				if (!String.valueOf(ex.getMessage()).contains("R-APL-1")) {
					throw ex;
				}
				refusal = ex;
			}
		}
		throw refusal;
	}

	/**
	 * Accounts for the case deciders after the demo's quality2, in the quality managers'
	 * group: setup a certification body's administrator does once in Camunda Admin.
	 */
	static void hireCaseDeciders(IdentityService identity) {
		for (String id : CASE_DECIDERS) {
			if (identity.createUserQuery().userId(id).count() == 0) {
				User user = identity.newUser(id);
				user.setFirstName("质量");
				user.setLastName(id);
				user.setPassword("Sim-" + java.util.UUID.randomUUID() + "-Qm9!");
				identity.saveUser(user);
				identity.createMembership(id, Groups.QUALITY_MANAGERS);
			}
		}
	}

	/**
	 * The assignee, else the demo account of the first staff group among the candidates,
	 * else the first candidate user; null for the client's tasks.
	 */
	private String who(Task task) {
		if (task.getAssignee() != null) {
			return task.getAssignee();
		}
		if (DECIDE_CASE.equals(task.getTaskDefinitionKey())) {
			return CASE_DECIDERS.get(0);
		}
		String candidateUser = null;
		for (IdentityLink link : this.tasks.getIdentityLinksForTask(task.getId())) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
					&& ACCOUNT_OF_GROUP.containsKey(link.getGroupId())) {
				return ACCOUNT_OF_GROUP.get(link.getGroupId());
			}
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null
					&& candidateUser == null) {
				candidateUser = link.getUserId();
			}
		}
		// a task of the audit team (document review, evaluations): its first member
		return candidateUser;
	}

	Map<String, Integer> doneByKey() {
		return this.doneByKey;
	}

	Map<String, String> refused() {
		return this.refused;
	}

	Map<String, Integer> unknownKeys() {
		return this.unknownKeys;
	}

	private static LocalDate created(Task task) {
		return task.getCreateTime().toInstant().atZone(EngineTime.ZONE).toLocalDate();
	}

	static LocalDate workingDaysAfter(LocalDate day, int workingDays) {
		LocalDate result = day;
		int left = workingDays;
		while (left > 0) {
			result = result.plusDays(1);
			if (result.getDayOfWeek().getValue() < 6) {
				left--;
			}
		}
		return result;
	}

	private static String today() {
		return EngineTime.today().toString();
	}

}
