package cn.certflow.surveillance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import cn.certflow.certificate.CertificateLifecycle;
import cn.certflow.certificate.CertificateRequests;
import cn.certflow.certificate.CertificateSites;
import cn.certflow.certificate.LifecycleDriver;
import cn.certflow.system.EngineTime;
import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * PCEC 10.3 "如服务特性测评涉及多个现场，抽取1个代表性的现场进行审查" (issue 21 point 12): a multi-site client's
 * surveillance samples one site of the certificate as it is now (its changes included),
 * the sample is recorded, and every site is visited at least once per cycle.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class MultiSiteSamplingTest {

	private static final String HEAD_OFFICE = "天津市红桥区丁字沽三号路85号";

	private static final String BRANCH = "天津市南开区鞍山西道2号";

	private static final String NEW_PREMISES = "天津市西青区新址1号";

	@Autowired
	ProcessEngine engine;

	@Autowired
	LifecycleDriver driver;

	@Autowired
	CertificateRequests requests;

	@Autowired
	CertificateSites sites;

	@Autowired
	SurveillanceService surveillances;

	@BeforeEach
	void setUp() {
		init(this.engine);
		this.driver.moveTo(LocalDate.of(2026, 3, 10));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldSampleASiteOfTheCurrentCertificateAndVisitEverySiteOncePerCycle_PCEC_10_3() {
		String number = this.driver.certify(new ApplicationRequest("天津某某电器服务有限公司", HEAD_OFFICE,
				CertificationDriver.newCreditCode(), "有限责任公司", "PCEC", 3, "01.07", List.of("机械和设备制造业服务"),
				List.of(HEAD_OFFICE, BRANCH), 120, CertificationDriver.declaredDocuments("PCEC")), 0);

		// the head office moves (PCEC 12.1(2)): the certificate now covers the new
		// premises
		this.requests.change(number,
				new CertificateRequests.ChangeBody("PREMISES", "迁址", null, NEW_PREMISES, null, null, null), "reviewer");
		this.driver.certification()
			.complete("reviewer", number, CertificateLifecycle.Elements.REVIEW_CHANGE_REQUEST,
					Map.of("changeReviewOutcome", "ACCEPT", "changeReviewNotes", "材料齐全", "onsiteAuditNeeded", true));
		this.driver.plan(number);
		this.driver.audit(number, 0);
		this.driver.decide(number, CertificateAudit.APPROVE, null);
		assertThat(this.sites.of(number)).containsExactly(NEW_PREMISES, BRANCH);

		// year 1: the old address is no site any more; the branch is sampled and recorded
		this.driver.moveTo(LocalDate.of(2027, 1, 9));
		assertThatThrownBy(() -> plan(number, HEAD_OFFICE)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("sampledSite");
		assertThat(this.engine.getTaskService()
			.getVariable(this.driver.certification().task(number, CertificateAudit.Elements.PLAN_AUDIT).getId(),
					CertificateAudit.SITES.getName())
			.toString()).contains(NEW_PREMISES).doesNotContain(HEAD_OFFICE);
		plan(number, BRANCH);
		this.driver.audit(number, 0);
		this.driver.decide(number, CertificateAudit.KEEP, null);
		assertThat(this.surveillances.of(number)).first().satisfies(s -> assertThat(s.sampledSite()).isEqualTo(BRANCH));

		// year 2: the site not yet visited in this cycle must be sampled
		this.driver.moveTo(nextTimerDay(number));
		assertThatThrownBy(() -> plan(number, BRANCH)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("sampledSite")
			.hasMessageContaining(NEW_PREMISES);
		plan(number, NEW_PREMISES);
		assertThat(this.surveillances.of(number)).extracting(Surveillance::sampledSite)
			.containsExactly(BRANCH, NEW_PREMISES);
	}

	/**
	 * The day after the lifecycle's next timer (year 2's planning), as the schedule sets
	 * it.
	 */
	private LocalDate nextTimerDay(String number) {
		java.util.Date due = this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(this.driver.lifecycle(number).getId())
			.timers()
			.orderByJobDuedate()
			.asc()
			.list()
			.get(0)
			.getDuedate();
		return LocalDate.ofInstant(due.toInstant(), EngineTime.ZONE).plusDays(1);
	}

	private void plan(String number, String site) {
		Map<String, Object> plan = new HashMap<>();
		plan.put("planDecision", "PLAN");
		plan.put("leadAuditor", "lead");
		plan.put("auditTeam", "auditor");
		plan.put("plannedDate", EngineTime.today().toString());
		plan.put("sampledSite", site);
		plan.put("auditContent",
				List.of("NC_FOLLOW_UP", "CERTIFICATE_AND_MARK_USE", "SERVICE_CHARACTERISTICS", "SERVICE_MANAGEMENT"));
		this.driver.certification().complete("lead", number, CertificateAudit.Elements.PLAN_AUDIT, plan);
	}

}
