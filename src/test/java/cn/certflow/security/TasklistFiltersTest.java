package cn.certflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import cn.certflow.appeal.AppealCaseService;
import cn.certflow.appeal.AppealComplaint;
import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import cn.certflow.audit.OnsiteAudit;
import cn.certflow.certificate.CertificateRequests;
import cn.certflow.certificate.CertificateSuspension;
import cn.certflow.certificate.LifecycleDriver;
import cn.certflow.surveillance.CertificateAudit;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The saved Tasklist filters each group gets at start-up, and what they show (R-APP-2 due
 * dates, R-DEC-1).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class TasklistFiltersTest {

	@Autowired
	FilterService filters;

	@Autowired
	CertificationDriver driver;

	@Autowired
	LifecycleDriver lifecycle;

	@Autowired
	CertificateRequests requests;

	@Autowired
	AppealCaseService cases;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldGiveEachGroupItsFilters() {
		// issue 18.3: reviewers and lead auditors follow what the client still owes
		// (客户待办)
		assertThat(visibleFilters("reviewer")).containsExactlyInAnyOrder("我的任务", "逾期任务", "客户待办");
		assertThat(visibleFilters("decider")).containsExactlyInAnyOrder("我的任务", "逾期任务", "待认证决定");
		// issue 21 point 11: lead auditors' and quality managers' own filters
		assertThat(visibleFilters("lead")).containsExactlyInAnyOrder("我的任务", "逾期任务", "待策划的审查", "进行中的审查", "客户待办");
		assertThat(visibleFilters("quality")).containsExactlyInAnyOrder("我的任务", "逾期任务", "待批准的终止审查", "待审批的决策表变更",
				"待处理的申诉与投诉");
		assertThat(visibleFilters("manager")).containsExactlyInAnyOrder("我的任务", "逾期任务", "待认证决定", "待策划的审查", "进行中的审查",
				"待批准的终止审查", "待审批的决策表变更", "待处理的申诉与投诉", "客户待办", "全部任务");
	}

	@Test
	void shouldShowEveryDecisionTaskInTheDecisionFilterAndEachAuditStepInTheLeadAuditorsFilters() {
		// issue 21 point 11, R-DEC-1: 待认证决定 holds the certification decision, the
		// decision after a certificate audit and the verification that lifts a suspension
		this.lifecycle.moveTo(LocalDate.of(2026, 3, 10));
		String application = this.driver.toDecisionWithTeam("lead", "auditor");
		assertThat(keysIn("decider", "待认证决定")).contains(InitialCertification.Elements.CERTIFICATION_DECISION);

		String number = this.lifecycle.certify(3, 0);
		this.lifecycle.moveTo(LocalDate.of(2027, 1, 9));
		assertThat(tasksIn("lead", "待策划的审查")).extracting(Task::getTaskDefinitionKey)
			.contains(CertificateAudit.Elements.PLAN_AUDIT);
		this.lifecycle.plan(number);
		assertThat(tasksIn("lead", "进行中的审查")).extracting(Task::getTaskDefinitionKey)
			.contains(OnsiteAudit.Elements.OPENING_MEETING);
		this.lifecycle.audit(number, 0);
		assertThat(keysIn("decider", "待认证决定")).contains(CertificateAudit.Elements.DECIDE);
		this.lifecycle.decide(number, CertificateAudit.KEEP, null);

		this.driver.as("decider", () -> this.requests.suspend(number,
				new CertificateRequests.ReasonBody("重大投诉经核实，限期整改", "CB"), "decider"));
		assertThat(keysIn("decider", "待认证决定")).contains(CertificateSuspension.Elements.VERIFY_LIFTING);
		assertThat(keysIn("reviewer", "我的任务")).doesNotContain(CertificateSuspension.Elements.VERIFY_LIFTING);
		assertThat(application).isNotBlank();
	}

	@Test
	void shouldShowCasesToDecideInTheQualityManagersFilter() {
		// issue 21 point 11, R-APL-1: appeals and complaints to decide
		String number = this.cases.receive(
				new AppealCaseService.CaseBody("COMPLAINT", null, null, "某消费者", "对认证机构服务的投诉", "审查员迟到"), "reviewer");
		this.driver.complete("reviewer", number, AppealComplaint.Elements.ACKNOWLEDGE,
				java.util.Map.of("acknowledgementText", "已受理"));
		assertThat(keysIn("quality", "待处理的申诉与投诉")).contains(AppealComplaint.Elements.DECIDE);
		assertThat(keysIn("quality", "待批准的终止审查")).doesNotContain(AppealComplaint.Elements.DECIDE);
	}

	private List<String> keysIn(String user, String filterName) {
		return tasksIn(user, filterName).stream().map(Task::getTaskDefinitionKey).toList();
	}

	@Test
	void shouldShowAReviewInTheOverdueFilterOnlyAfterItsDueDate() {
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 20));
		assertThat(tasksIn("reviewer", "逾期任务")).extracting(Task::getProcessInstanceId)
			.doesNotContain(this.driver.instance(number).getId());
		ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(11).toMillis()));
		assertThat(tasksIn("reviewer", "逾期任务")).extracting(Task::getProcessInstanceId)
			.contains(this.driver.instance(number).getId());
		assertThat(tasksIn("reviewer", "我的任务")).extracting(Task::getProcessInstanceId)
			.contains(this.driver.instance(number).getId());
	}

	private List<String> visibleFilters(String user) {
		List<String> names = new java.util.ArrayList<>();
		this.driver.as(user,
				() -> names.addAll(this.filters.createTaskFilterQuery().list().stream().map(Filter::getName).toList()));
		return names;
	}

	private List<Task> tasksIn(String user, String filterName) {
		List<Task> tasks = new java.util.ArrayList<>();
		this.driver.as(user, () -> {
			Filter filter = this.filters.createTaskFilterQuery().filterName(filterName).singleResult();
			tasks.addAll(this.filters.list(filter.getId()));
		});
		return tasks;
	}

}
