package cn.certflow.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.Map;

import cn.certflow.certificate.CertificateLifecycle.Elements;
import cn.certflow.surveillance.CertificateAudit;
import cn.certflow.surveillance.Surveillance;
import cn.certflow.surveillance.SurveillanceService;
import cn.certflow.system.ConflictException;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A certificate's three years and more, with the engine clock moved: surveillance,
 * downgrade, suspension, withdrawal, recertification, expiry (R-SUR-1/3, R-REC-1,
 * R-SUS-1, R-CERT-1/2). Certified on 2026-03-10, valid through 2029-03-09.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class CertificateLifecycleProcessTest {

	static final LocalDate CERTIFIED = LocalDate.of(2026, 3, 10);

	@Autowired
	ProcessEngine engine;

	@Autowired
	LifecycleDriver driver;

	@Autowired
	CertificateService certificates;

	@Autowired
	CertificateRequests requests;

	@Autowired
	SurveillanceService surveillances;

	@Autowired
	StatusHistory history;

	@Autowired
	HistoryService historyService;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		init(this.engine);
		this.driver.moveTo(CERTIFIED);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@AfterEach
	void everyStatusChangeSaysWhoWhenWhyAndWhichProcess() {
		assertThat(this.jdbc
			.sql("select count(*) from status_change where entity_type = 'CERTIFICATE' and (changed_by is null"
					+ " or changed_at is null or reason is null or process_key is null or process_instance_id is null)")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void shouldSurveyTwiceAYearFromTheDecisionAndRenewByRecertification() {
		// R-SUR-1: due 12 and 24 months after the decision; R-REC-1: reminder at expiry −
		// 3 months, renewal before expiry
		String number = this.driver.certify(4, 0);
		assertWaitingAt(number, Elements.SURVEILLANCE_PLANNING_TIME);

		this.driver.moveTo(LocalDate.of(2027, 1, 9));
		assertWaitingAt(number, Elements.SURVEILLANCE_AUDIT);
		var plan = this.driver.certification().task(number, CertificateAudit.Elements.PLAN_AUDIT);
		assertThat(plan).hasCandidateGroup("lead-auditors");
		assertThat(plan.getDueDate()).isEqualTo(cn.certflow.system.EngineTime.toDate(LocalDate.of(2027, 3, 10)));
		assertThat(this.engine.getTaskService().getVariable(plan.getId(), "personDays"))
			.as("surveillance = 0.6 × initial person-days, from audit-time")
			.isNotNull();
		this.driver.surveil(number, 0, CertificateAudit.KEEP);

		this.driver.moveTo(LocalDate.of(2028, 1, 10));
		assertWaitingAt(number, Elements.SURVEILLANCE_AUDIT);
		this.driver.surveil(number, 0, CertificateAudit.KEEP);
		assertThat(this.surveillances.of(number)).extracting(Surveillance::dueOn)
			.containsExactly(LocalDate.of(2027, 3, 10), LocalDate.of(2028, 3, 10));
		assertThat(this.surveillances.of(number)).extracting(Surveillance::decision).containsExactly("KEEP", "KEEP");

		this.driver.moveTo(LocalDate.of(2028, 12, 10));
		assertWaitingAt(number, Elements.RECEIVE_RECERTIFICATION);
		assertThat(this.jdbc
			.sql("select count(*) from client_notice where kind = 'RECERTIFICATION_REMINDER' and body like ?")
			.param("%" + number + "%")
			.query(Integer.class)
			.single()).isEqualTo(1);
		this.driver.certification()
			.complete("reviewer", number, Elements.RECEIVE_RECERTIFICATION,
					Map.of("recertificationDecision", "APPLY", "changesDeclared", false));
		assertWaitingAt(number, Elements.RECERTIFICATION_AUDIT); // no changes declared:
																	// document review
																	// skipped (PCEC 11)
		this.driver.plan(number);
		this.driver.audit(number, 0);
		this.driver.decide(number, CertificateAudit.APPROVE, null);

		Certificate renewed = this.certificates.get(number);
		assertThat(renewed.expiresOn()).isEqualTo(LocalDate.of(2032, 3, 9));
		assertThat(renewed.statusOn(LocalDate.of(2029, 3, 10))).isEqualTo(CertificateStatus.VALID);
		assertThat(this.certificates.cycleStart(number)).isEqualTo(LocalDate.of(2028, 12, 10));
		assertWaitingAt(number, Elements.SURVEILLANCE_PLANNING_TIME); // a new cycle, a
																		// year after the
																		// recertification
																		// decision
		assertThat(this.certificates.revisions(number)).extracting(CertificateRevision::revision).containsExactly(1, 2);
		assertThat(this.history.of(StatusHistory.Entity.CERTIFICATE, number))
			.anySatisfy(c -> assertThat(c.reason()).contains("renewed by recertification").contains("2032-03-09"))
			.allSatisfy(c -> assertThat(c.changedBy()).isNotBlank());
	}

	@Test
	void shouldDowngradeAndReissueWhenSurveillanceFallsBelowTheCertifiedGrade() {
		// R-SUR-3 / R-CHG-1 (4): 88 points → 三星级 below the certified 四星级 → reissue at 3★,
		// the old version recalled
		String number = this.driver.certify(4, 0);
		this.driver.moveTo(LocalDate.of(2027, 1, 9));
		this.driver.plan(number);
		this.driver.audit(number, 12);
		assertThat(this.engine.getRuntimeService()
			.getVariable(this.driver.certification().task(number, CertificateAudit.Elements.DECIDE).getExecutionId(),
					"recommendation"))
			.isEqualTo("DOWNGRADE → 3★");
		assertThatThrownBy(() -> this.driver.decide(number, CertificateAudit.KEEP, "客户表现良好"))
			.as("never milder than the rules")
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("certificateAuditDecision");

		this.driver.decide(number, CertificateAudit.DOWNGRADE, null);

		Certificate certificate = this.certificates.get(number);
		assertThat(certificate.stars()).isEqualTo(3);
		assertThat(certificate.grade()).isEqualTo("三星级");
		assertThat(certificate.revision()).isEqualTo(2);
		assertThat(this.certificates.revisions(number)).first().satisfies(first -> {
			assertThat(first.stars()).isEqualTo(4);
			assertThat(first.recalledOn()).isEqualTo(LocalDate.of(2027, 1, 9));
		});
		assertWaitingAt(number, Elements.SURVEILLANCE_PLANNING_TIME);
	}

	@Test
	void shouldSuspendAfterASurveillanceWhenTheSanctionRulesSaySo() {
		// issue 4 / R-SUR-3, R-SUS-1: a verified major complaint not rectified → the
		// Drools sanction rules call for
		// suspension; the decider cannot keep the certificate; the rule that fired stays
		// on the process (Cockpit)
		String number = this.driver.certify(3, 0);
		this.driver.moveTo(LocalDate.of(2027, 1, 9));
		this.driver.plan(number);
		this.driver.audit(number, 0);
		Map<String, Object> keep = new java.util.HashMap<>(Map.of("certificateAuditDecision", CertificateAudit.KEEP,
				"sanctionFacts", java.util.List.of("MAJOR_COMPLAINT_NOT_RECTIFIED")));
		assertThatThrownBy(
				() -> this.driver.certification().complete("decider", number, CertificateAudit.Elements.DECIDE, keep))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("SUSPEND");
		String processInstanceId = this.driver.certification()
			.task(number, CertificateAudit.Elements.DECIDE)
			.getProcessInstanceId();

		this.driver.certification()
			.complete("decider", number, CertificateAudit.Elements.DECIDE,
					Map.of("certificateAuditDecision", CertificateAudit.SUSPEND, "sanctionFacts",
							java.util.List.of("MAJOR_COMPLAINT_NOT_RECTIFIED"), "certificateAuditReasons",
							"重大投诉经核实且未整改"));

		assertThat(this.certificates.get(number).status()).isEqualTo(CertificateStatus.SUSPENDED);
		assertThat(this.historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId)
			.variableName(CertificateAudit.RECOMMENDATION_RULES.getName())
			.singleResult()
			.getValue()
			.toString()).containsIgnoringCase("complaint");
		assertThat(this.history.of(StatusHistory.Entity.CERTIFICATE, number)).last().satisfies(c -> {
			assertThat(c.toStatus()).isEqualTo("SUSPENDED");
			assertThat(c.changedBy()).isEqualTo("decider");
			assertThat(c.reason()).contains("重大投诉经核实且未整改");
		});
		assertThat(this.driver.certification().task(number, CertificateSuspension.Elements.VERIFY_LIFTING)).isNotNull();
	}

	@Test
	void shouldWithdrawWhenASurveillanceGradesBelowEveryGrade() {
		// R-SUR-3: below every grade → withdrawal
		String number = this.driver.certify(3, 0);
		this.driver.moveTo(LocalDate.of(2027, 1, 9));
		this.driver.plan(number);
		this.driver.audit(number, 40);
		this.driver.decide(number, CertificateAudit.WITHDRAW, "监督评分低于达标级");
		assertThat(this.certificates.get(number).status()).isEqualTo(CertificateStatus.WITHDRAWN);
		assertThat(this.driver.lifecycle(number)).isNull();
	}

	@Test
	void shouldSuspendOnRequestAndLiftOnlyAfterVerification() {
		// R-SUS-1: suspended → never shown valid; no change request meanwhile (409);
		// lifting needs verification
		String number = this.driver.certify(3, 0);
		this.driver.moveTo(LocalDate.of(2026, 6, 1));
		this.driver.certification()
			.as("decider", () -> this.requests.suspend(number, new CertificateRequests.ReasonBody("重大投诉经核实，限期整改", "CB"),
					"decider"));
		assertThat(this.certificates.get(number).statusOn(LocalDate.of(2026, 6, 1)))
			.isEqualTo(CertificateStatus.SUSPENDED);
		assertThatThrownBy(() -> this.requests.change(number,
				new CertificateRequests.ChangeBody("EXTENSION", null, null, null, "01.08 家用电器维修", null, null),
				"reviewer"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("suspended");
		assertThatThrownBy(
				() -> this.requests.suspend(number, new CertificateRequests.ReasonBody("again", "CB"), "decider"))
			.isInstanceOf(ConflictException.class);

		assertThatThrownBy(() -> this.driver.certification()
			.complete("decider", number, CertificateSuspension.Elements.VERIFY_LIFTING,
					Map.of("causeCleared", false, "verificationNotes", "未整改")))
			.isInstanceOf(InvalidInputException.class);
		this.driver.certification()
			.complete("decider", number, CertificateSuspension.Elements.VERIFY_LIFTING,
					Map.of("causeCleared", true, "verificationNotes", "现场验证投诉已整改"));

		assertThat(this.certificates.get(number).status()).isEqualTo(CertificateStatus.VALID);
		assertThat(this.history.of(StatusHistory.Entity.CERTIFICATE, number)).extracting(StatusHistory.Change::toStatus)
			.containsExactly("VALID", "SUSPENDED", "VALID");
		assertThat(this.history.of(StatusHistory.Entity.CERTIFICATE, number)).element(1).satisfies(c -> {
			assertThat(c.changedBy()).isEqualTo("decider");
			assertThat(c.reason()).contains("重大投诉经核实");
			assertThat(c.processKey()).isEqualTo(CertificateSuspension.KEY);
		});
	}

	@Test
	void shouldWithdrawWhenTheSuspensionIsNotClearedWithinSixMonths() {
		// R-SUS-1: 6 months, then withdrawal; the lifecycle ends withdrawn and refuses
		// every later request (a suspension the CB imposed: one the client asked for
		// ends in 注销, PCEC 12.3, CertificateChangeProcessTest)
		String number = this.driver.certify(3, 0);
		this.driver.certification()
			.as("decider", () -> this.requests.suspend(number,
					new CertificateRequests.ReasonBody("监督发现服务不满足要求，限期整改", "CB"), "decider"));
		this.driver.moveTo(LocalDate.of(2026, 9, 9));
		assertThat(this.certificates.get(number).status()).isEqualTo(CertificateStatus.SUSPENDED);

		this.driver.moveTo(LocalDate.of(2026, 9, 11));

		assertThat(this.certificates.get(number).status()).isEqualTo(CertificateStatus.WITHDRAWN);
		assertThat(this.driver.lifecycle(number)).isNull();
		assertThat(this.historyService.createHistoricActivityInstanceQuery()
			.activityId(Elements.CERTIFICATE_WITHDRAWN)
			.count()).isPositive();
		assertThatThrownBy(() -> this.requests.change(number,
				new CertificateRequests.ChangeBody("NAME", null, "新名称有限公司", null, null, null, null), "reviewer"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("WITHDRAWN");
		assertThat(this.history.of(StatusHistory.Entity.CERTIFICATE, number)).last()
			.satisfies(c -> assertThat(c.reason()).contains("暂停期满"));
	}

	@Test
	void shouldProposeSuspensionWhenASurveillanceIsLateBeyondItsPostponement() {
		// R-SUR-1: postponed at most 3 months with a reason; overdue → managers; beyond →
		// suspension
		String number = this.driver.certify(3, 0);
		this.driver.moveTo(LocalDate.of(2027, 1, 9));
		assertThatThrownBy(() -> this.driver.certification()
			.complete("lead", number, CertificateAudit.Elements.PLAN_AUDIT,
					Map.of("planDecision", "POSTPONE", "postponeReason", "客户搬迁", "postponedTo", "2027-07-01")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("postponedTo");
		this.driver.certification()
			.complete("lead", number, CertificateAudit.Elements.PLAN_AUDIT,
					Map.of("planDecision", "POSTPONE", "postponeReason", "客户搬迁", "postponedTo", "2027-05-20"));
		assertThat(this.driver.certification().task(number, CertificateAudit.Elements.PLAN_AUDIT).getDueDate())
			.isEqualTo(cn.certflow.system.EngineTime.toDate(LocalDate.of(2027, 5, 20)));

		this.driver.moveTo(LocalDate.of(2027, 3, 11));
		var overdue = this.driver.certification().task(number, Elements.HANDLE_OVERDUE_SURVEILLANCE);
		assertThat(overdue).hasCandidateGroup("managers");
		assertThat(this.surveillances.of(number).get(0).escalatedAt()).isNotNull();
		this.driver.certification()
			.complete("manager", number, Elements.HANDLE_OVERDUE_SURVEILLANCE, Map.of("overdueNotes", "已同意推迟至5月20日"));

		this.driver.moveTo(LocalDate.of(2027, 6, 11));

		assertThat(this.certificates.get(number).status()).isEqualTo(CertificateStatus.SUSPENDED);
		assertThat(this.driver.certification().task(number, CertificateAudit.Elements.PLAN_AUDIT)).isNull();
		assertThat(this.driver.certification().task(number, CertificateSuspension.Elements.VERIFY_LIFTING)).isNotNull();
		assertThat(this.surveillances.of(number).get(0).postponeReason()).isEqualTo("客户搬迁");
	}

	@Test
	void shouldExpireByItselfWhenRecertificationIsNotDecidedBeforeExpiry() {
		// R-REC-1 / R-CERT-1: applied, audit not finished by expiry → expired, the audit
		// cancelled
		String number = this.driver.certify(3, 0);
		this.driver.moveTo(LocalDate.of(2027, 1, 9));
		this.driver.surveil(number, 0, CertificateAudit.KEEP);
		this.driver.moveTo(LocalDate.of(2028, 1, 10));
		this.driver.surveil(number, 0, CertificateAudit.KEEP);
		this.driver.moveTo(LocalDate.of(2028, 12, 10));
		this.driver.certification()
			.complete("reviewer", number, Elements.RECEIVE_RECERTIFICATION, Map.of("recertificationDecision", "APPLY",
					"changesDeclared", true, "changesDescription", "新增一个服务网点"));
		this.driver.certification()
			.complete("reviewer", number, Elements.REVIEW_RECERTIFICATION_DOCUMENTS,
					Map.of("recertificationDocumentsOutcome", "PASSED"));
		this.driver.plan(number);

		this.driver.moveTo(LocalDate.of(2029, 3, 9));
		assertThat(this.certificates.get(number).status()).isEqualTo(CertificateStatus.VALID);
		this.driver.moveTo(LocalDate.of(2029, 3, 10));

		assertThat(this.certificates.get(number).status()).isEqualTo(CertificateStatus.EXPIRED);
		assertThat(this.driver.lifecycle(number)).isNull();
		assertThat(this.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).count()).isZero();
		assertThat(this.history.of(StatusHistory.Entity.CERTIFICATE, number)).last().satisfies(c -> {
			assertThat(c.toStatus()).isEqualTo("EXPIRED");
			assertThat(c.changedBy()).isEqualTo("system");
			assertThat(c.processKey()).isEqualTo(CertificateLifecycle.KEY);
		});
	}

	@Test
	void shouldCancelAtTheClientsRequest() {
		// R-SUS-1: 注销 on request, final
		String number = this.driver.certify(3, 0);
		this.requests.cancel(number, new CertificateRequests.ReasonBody("企业停止经营该业务", "CLIENT"), "reviewer");
		assertThat(this.certificates.get(number).status()).isEqualTo(CertificateStatus.CANCELLED);
		assertThat(this.driver.lifecycle(number)).isNull();
		assertThat(this.history.of(StatusHistory.Entity.CERTIFICATE, number)).last().satisfies(c -> {
			assertThat(c.changedBy()).isEqualTo("reviewer");
			assertThat(c.reason()).contains("企业停止经营该业务");
		});
	}

	@Test
	void shouldWithdrawByDecisionOfTheCertificationBody() {
		// R-SUS-1: 撤销 by the CB
		String number = this.driver.certify(3, 0);
		this.requests.withdraw(number, new CertificateRequests.ReasonBody("列入严重失信名单", null), "decider");
		assertThat(this.certificates.get(number).status()).isEqualTo(CertificateStatus.WITHDRAWN);
		assertThat(this.driver.lifecycle(number)).isNull();
	}

	/**
	 * Where the certificate's lifecycle waits, from the engine's runtime (what Cockpit
	 * shows).
	 */
	private void assertWaitingAt(String number, String activityId) {
		assertThat(this.engine.getRuntimeService().getActiveActivityIds(this.driver.lifecycle(number).getId()))
			.contains(activityId);
	}

}
