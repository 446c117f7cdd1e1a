package cn.certflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import cn.certflow.audit.OnsiteAudit;
import cn.certflow.support.EngineClock;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 18 point 3 (R-AUD-3, PCEC 8.2.4): what the CB waits for from the client is an
 * engine task the client completes in the portal. The client answers each nonconformity
 * of its audit with its corrective action and evidence at /portal/tasks; another client
 * gets 404 as for a task that does not exist; an answer without evidence is 400 naming
 * the field, and nothing changes; when the deadline passes, the lead auditor and the
 * reviewers get "客户逾期未提交整改" and the client's task stays open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "certflow.demo.client-applications=false")
@ActiveProfiles({ "test", "demo" })
class ClientTasksTest {

	private static final String ADDRESS = "天津市红桥区丁字沽三号路85号";

	@RegisterExtension
	final EngineClock clock = new EngineClock();

	@LocalServerPort
	int port;

	@Autowired
	CertificationDriver driver;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	FilterService filters;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcClient jdbc;

	/**
	 * An application of the demo client {@code client} through its closing meeting with
	 * two nonconformities: the client's corrective-action task is open (one application
	 * per scheme in progress, so each test its own scheme).
	 */
	private String auditOfClientWithTwoNonconformities(String schemeId) {
		ApplicationRequest request = new ApplicationRequest("天津海河家电售后服务有限公司", ADDRESS, DemoClientAccounts.TIANJIN,
				"有限责任公司", schemeId, 3, "01.07", List.of("家用电器安装维修"), List.of(ADDRESS), 40,
				CertificationDriver.declaredDocuments(schemeId));
		String number = this.driver.submit(request);
		this.driver.acceptApplication(number);
		this.driver.signContract(number);
		this.driver.reviewAndPlan(number, "lead", "auditor");
		this.driver.openAndEvaluate(number, "lead", "auditor");
		this.driver.score(number, "lead", schemeId, 0);
		this.driver.closeMeeting(number, "lead", "投诉处理记录不完整\n服务人员培训记录缺失");
		return number;
	}

	private Task clientTask(String number) {
		return this.driver.task(number, OnsiteAudit.Elements.SUBMIT_CORRECTIVE_ACTIONS);
	}

	private PortalBrowser signedIn(String user) {
		PortalBrowser browser = new PortalBrowser(this.port);
		assertThat(browser.signIn(user, user).statusCode()).isEqualTo(302);
		return browser;
	}

	private long evidenceOf(String number) {
		return this.jdbc
			.sql("select count(*) from document_file d join nonconformity n on d.owner_key = cast(n.id as varchar(64))"
					+ " join audit a on a.id = n.audit_id join application ap on ap.id = a.application_id"
					+ " where d.owner_kind = 'CORRECTIVE_ACTION' and ap.number = ?")
			.param(number)
			.query(Long.class)
			.single();
	}

	private long answered(String number) {
		return this.jdbc.sql("select count(*) from nonconformity n join audit a on a.id = n.audit_id"
				+ " join application ap on ap.id = a.application_id where ap.number = ? and n.corrective_action is not null")
			.param(number)
			.query(Long.class)
			.single();
	}

	private static byte[] pdf(String text) {
		return ("%PDF-1.4 " + text).getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void shouldLetTheClientAnswerItsNonconformitiesInThePortalAndNoOtherClient() {
		String number = auditOfClientWithTwoNonconformities("ZHHT");
		Task task = clientTask(number);
		assertThat(task).as("the client's task in the engine").isNotNull();
		String page = "/portal/tasks/" + task.getId();

		// the client sees it with its deadline; the nonconformities on the task's page
		PortalBrowser client = signedIn("client");
		HttpResponse<String> list = client.get("/portal/tasks");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("提交不符合项整改措施和证据", page,
				task.getDueDate().toInstant().atZone(EngineClock.ZONE).toLocalDate().toString());
		HttpResponse<String> shown = client.get(page);
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).contains("投诉处理记录不完整", "服务人员培训记录缺失", "correctiveActions[1]", "evidence[1]");

		// another client: not listed, 404 as a task that does not exist, and cannot
		// submit
		PortalBrowser other = signedIn("client2");
		assertThat(other.get("/portal/tasks").body()).doesNotContain(task.getId());
		assertThat(other.get(page).statusCode()).isEqualTo(404);
		assertThat(other.get("/portal/tasks/no-such-task").statusCode()).isEqualTo(404);
		other.get("/portal/tasks");
		assertThat(other
			.postParts(page, Map.of("correctiveActions[0]", "他人", "correctiveActions[1]", "他人"),
					Map.of("evidence[0]", pdf("a"), "evidence[1]", pdf("b")))
			.statusCode()).isEqualTo(404);
		assertThat(clientTask(number)).isNotNull();
		assertThat(evidenceOf(number)).isZero();

		// evidence for the second nonconformity missing: 400 naming evidence[1], nothing
		// changed (not even the first one's file or either text)
		client.get(page);
		HttpResponse<String> refused = client.postParts(page,
				Map.of("correctiveActions[0]", "已补全投诉处理记录并培训客服人员", "correctiveActions[1]", "已制定年度培训计划并完成培训"),
				Map.of("evidence[0]", pdf("投诉处理记录")));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("evidence[1]").doesNotContain("evidence[0]：");
		assertThat(clientTask(number)).as("the client's task is still open").isNotNull();
		assertThat(evidenceOf(number)).isZero();
		assertThat(answered(number)).isZero();

		// no text for the first: 400 naming correctiveActions[0]
		client.get(page);
		HttpResponse<String> noText = client.postParts(page,
				Map.of("correctiveActions[0]", " ", "correctiveActions[1]", "已制定年度培训计划并完成培训"),
				Map.of("evidence[0]", pdf("投诉处理记录"), "evidence[1]", pdf("培训记录")));
		assertThat(noText.statusCode()).isEqualTo(400);
		assertThat(noText.body()).contains("correctiveActions[0]");
		assertThat(clientTask(number)).isNotNull();
		assertThat(evidenceOf(number)).isZero();

		// complete: the engine task is done as the client, the lead auditor verifies
		client.get(page);
		HttpResponse<String> done = client.postParts(page,
				Map.of("correctiveActions[0]", "已补全投诉处理记录并培训客服人员", "correctiveActions[1]", "已制定年度培训计划并完成培训"),
				Map.of("evidence[0]", pdf("投诉处理记录"), "evidence[1]", pdf("培训记录")));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(clientTask(number)).isNull();
		assertThat(this.driver.task(number, OnsiteAudit.Elements.VERIFY_CORRECTIONS)).isNotNull();
		assertThat(evidenceOf(number)).isEqualTo(2);
		assertThat(answered(number)).isEqualTo(2);
		Task verify = this.driver.task(number, OnsiteAudit.Elements.VERIFY_CORRECTIONS);
		assertThat((String) this.runtime.getVariable(verify.getProcessInstanceId(),
				OnsiteAudit.CLIENT_CORRECTIVE_ACTIONS.getName()))
			.contains("已补全投诉处理记录并培训客服人员", "已制定年度培训计划并完成培训");
		assertThat((String) this.runtime.getVariable(verify.getProcessInstanceId(), "correctiveActionDocuments"))
			.contains("evidence.pdf");
		assertThat(this.jdbc.sql("select uploaded_by from document_file where owner_kind = 'CORRECTIVE_ACTION'"
				+ " and owner_key in (select cast(n.id as varchar(64)) from nonconformity n join audit a on a.id = n.audit_id"
				+ " join application ap on ap.id = a.application_id where ap.number = ?)")
			.param(number)
			.query(String.class)
			.list()).containsOnly("client");
		assertThat(client.get("/portal/tasks").body()).doesNotContain(task.getId());
	}

	@Test
	void shouldEscalateToTheLeadAuditorAndReviewersWhenTheDeadlinePassesAndKeepTheClientsTaskOpen() {
		String number = auditOfClientWithTwoNonconformities("PCEC");
		Task task = clientTask(number);
		Job timer = this.management.createJobQuery()
			.processInstanceId(task.getProcessInstanceId())
			.activityId(OnsiteAudit.Elements.CORRECTIVE_ACTIONS_OVERDUE)
			.singleResult();
		assertThat(timer.getDuedate()).isEqualTo(task.getDueDate());

		// reviewers see the client's open task in the Tasklist filter 客户待办
		assertThat(filterAs("reviewer")).contains(task.getId());
		assertThat(filterAs("lead")).contains(task.getId());

		this.clock.movePast(timer.getDuedate());
		this.management.executeJob(timer.getId());
		Task escalation = this.driver.task(number, OnsiteAudit.Elements.HANDLE_OVERDUE_CORRECTIVE_ACTIONS);
		assertThat(escalation).isNotNull();
		assertThat(escalation.getName()).contains("客户逾期未提交整改");
		assertThat(this.tasks.getIdentityLinksForTask(escalation.getId()))
			.extracting(l -> (l.getUserId() != null) ? "user:" + l.getUserId() : "group:" + l.getGroupId())
			.contains("user:lead", "group:cb-reviewers");
		assertThat(clientTask(number)).as("the client's task stays open").isNotNull();

		// the client sees it overdue, in red
		HttpResponse<String> list = signedIn("client").get("/portal/tasks");
		assertThat(list.body()).contains(task.getId(), "已逾期");

		// the lead auditor records what was done; the client may still answer
		this.driver.complete("lead", number, OnsiteAudit.Elements.HANDLE_OVERDUE_CORRECTIVE_ACTIONS,
				Map.of(OnsiteAudit.OVERDUE_CORRECTIVE_ACTIONS_NOTES.getName(), "已电话督促客户，客户承诺一周内提交"));
		assertThat(clientTask(number)).isNotNull();
		this.driver.answerCorrectiveActions(number);
		assertThat(this.driver.task(number, OnsiteAudit.Elements.VERIFY_CORRECTIONS)).isNotNull();
	}

	@Test
	void shouldLetTheApplicantSendItsCorrectedDocumentsInThePortalAndShowItsNoteToTheReviewers() {
		// R-DOC-1, issue 18.3: the document-review loop waits for the client, not for
		// staff
		// typing on its behalf (demo client client2, so that its application is its only
		// one in progress)
		String address = "北京市海淀区中关村大街1号";
		ApplicationRequest request = new ApplicationRequest("北京中关村电脑服务股份有限公司", address, DemoClientAccounts.BEIJING,
				"股份有限公司", "PCEC", 3, "01.07", List.of("计算机维修"), List.of(address), 40,
				CertificationDriver.declaredDocuments("PCEC"));
		String number = this.driver.submit(request);
		this.driver.acceptApplication(number);
		this.driver.signContract(number);
		this.driver.appointTeam(number, "lead", "auditor");
		this.driver.complete("lead", number, InitialCertification.Elements.REVIEW_DOCUMENTS,
				Map.of("documentReviewOutcome", "CORRECTIONS_NEEDED", "documentFindings", "缺少服务网点管理制度"));
		Task task = this.driver.task(number, InitialCertification.Elements.SUBMIT_CORRECTIONS);
		String page = "/portal/tasks/" + task.getId();
		assertThat(filterAs("reviewer")).as("客户待办").contains(task.getId());
		long documents = documentsOf(number);

		PortalBrowser client = signedIn("client2");
		assertThat(client.get("/portal/tasks").body()).contains("提交整改后的文件", page);
		assertThat(client.get(page).body()).contains("缺少服务网点管理制度", "correctionsNote", "files[0]");
		PortalBrowser other = signedIn("client");
		assertThat(other.get(page).statusCode()).isEqualTo(404);

		// no note: 400 naming correctionsNote, the file not kept, the task still open
		client.get(page);
		HttpResponse<String> refused = client.postParts(page,
				Map.of("correctionsNote", " ", "types[0]", "SERVICE_MANAGEMENT_DOCUMENTS"),
				Map.of("files[0]", pdf("服务网点管理制度")));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("correctionsNote");
		assertThat(this.driver.task(number, InitialCertification.Elements.SUBMIT_CORRECTIONS)).isNotNull();
		assertThat(documentsOf(number)).isEqualTo(documents);

		client.get(page);
		HttpResponse<String> done = client.postParts(page,
				Map.of("correctionsNote", "已补充服务网点管理制度", "types[0]", "SERVICE_MANAGEMENT_DOCUMENTS"),
				Map.of("files[0]", pdf("服务网点管理制度")));
		assertThat(done.statusCode()).isEqualTo(302);
		Task review = this.driver.task(number, InitialCertification.Elements.REVIEW_DOCUMENTS);
		assertThat(review).as("the audit team's document review runs again").isNotNull();
		assertThat(this.runtime.getVariable(review.getProcessInstanceId(), "correctionsNote")).isEqualTo("已补充服务网点管理制度");
		assertThat(documentsOf(number)).isEqualTo(documents + 1);
		assertThat((String) this.runtime.getVariable(review.getProcessInstanceId(), "applicationDocuments"))
			.contains("evidence.pdf");
	}

	private long documentsOf(String number) {
		return this.jdbc.sql("select count(*) from document_file where owner_kind = 'APPLICATION' and owner_key = ?")
			.param(number)
			.query(Long.class)
			.single();
	}

	private List<String> filterAs(String user) {
		Filter filter = this.filters.createTaskFilterQuery().filterName("客户待办").singleResult();
		List<String> groups = this.identity.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(g -> g.getId())
			.toList();
		this.identity.setAuthentication(user, groups);
		try {
			return this.filters.<Task>list(filter.getId()).stream().map(Task::getId).toList();
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

}
