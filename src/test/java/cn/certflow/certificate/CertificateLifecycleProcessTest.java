package cn.certflow.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.certflow.certificate.CertificateLifecycle.Elements;
import cn.certflow.clock.RegulatoryClock;
import cn.certflow.staff.StaffBrowser;
import cn.certflow.clock.RegulatoryPeriod;
import cn.certflow.notification.ClientNotice;
import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.Notices;
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
import org.springframework.boot.test.web.server.LocalServerPort;
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
	cn.certflow.audit.AuditService audits;

	@Autowired
	HistoryService historyService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegulatoryClock regulatoryClock;

	@Autowired
	Notices notices;

	@LocalServerPort
	int port;

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
		// R-SUR-1 (PCEC 10.2, issue 21 point 1): the first due 12 months after the
		// decision, the second 12 months after the first was decided; R-REC-1: reminder
		// before the application deadline, renewal before expiry
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

		this.driver.moveTo(LocalDate.of(2027, 11, 10));
		assertWaitingAt(number, Elements.SURVEILLANCE_AUDIT);
		this.driver.surveil(number, 0, CertificateAudit.KEEP);
		assertThat(this.surveillances.of(number)).extracting(Surveillance::dueOn)
			.containsExactly(LocalDate.of(2027, 3, 10), LocalDate.of(2028, 1, 9));
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
		// PCEC 10.2 "可减少" is a decision with a reason, never automatic (issue 21 point
		// 2):
		// a recertified client without complaints still gets both surveillances
		assertThat(this.engine.getRuntimeService()
			.getVariable(this.driver.lifecycle(number).getId(), CertificateLifecycle.SURVEILLANCE_YEARS.getName()))
			.isEqualTo(java.util.List.of(1, 2));
		assertThat(this.history.of(StatusHistory.Entity.CERTIFICATE, number))
			.anySatisfy(c -> assertThat(c.reason()).contains("renewed by recertification").contains("2032-03-09"))
			.allSatisfy(c -> assertThat(c.changedBy()).isNotBlank());
	}

	@Test
	void shouldDueEachSurveillanceWithinTwelveMonthsOfThePreviousOneEvenInTheWorstCase() {
		// PCEC 10.2 "证后监督每年进行1次", issue 21 point 1, worst case: year 1 done early (at
		// its planning date), year 2 postponed as far as allowed. Today year 2 stayed at
		// the decision's second anniversary and could be postponed 3 months past it: 17
		// months after year 1. Now year 2 is due 12 months after year 1 was decided and a
		// postponement past due + the postponement limit is refused.
		String number = this.driver.certify(3, 0);
		LocalDate firstDone = LocalDate.of(2027, 1, 9);
		this.driver.moveTo(firstDone);
		this.driver.surveil(number, 0, CertificateAudit.KEEP);

		LocalDate secondDue = this.regulatoryClock.after(firstDone, RegulatoryPeriod.SURVEILLANCE_INTERVAL);
		assertThat(secondDue).isEqualTo(LocalDate.of(2028, 1, 9));
		LocalDate secondLatest = this.regulatoryClock.after(secondDue, RegulatoryPeriod.SURVEILLANCE_POSTPONEMENT);
		this.driver.moveTo(this.regulatoryClock.before(secondDue, RegulatoryPeriod.SURVEILLANCE_PLANNING_LEAD));
		assertWaitingAt(number, Elements.SURVEILLANCE_AUDIT);
		assertThat(this.driver.certification().task(number, CertificateAudit.Elements.PLAN_AUDIT).getDueDate())
			.isEqualTo(cn.certflow.system.EngineTime.toDate(secondDue));
		assertThat(this.surveillances.of(number)).last().satisfies((s) -> {
			assertThat(s.dueOn()).isEqualTo(secondDue);
			assertThat(s.latestOn()).isEqualTo(secondLatest).isBefore(LocalDate.of(2028, 6, 9));
		});
		assertThatThrownBy(() -> this.driver.certification()
			.complete("lead", number, CertificateAudit.Elements.PLAN_AUDIT,
					Map.of("planDecision", "POSTPONE", "postponeReason", "客户搬迁", "postponedTo",
							secondLatest.plusDays(1).toString())))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("postponedTo");
		this.driver.certification()
			.complete("lead", number, CertificateAudit.Elements.PLAN_AUDIT, Map.of("planDecision", "POSTPONE",
					"postponeReason", "客户搬迁", "postponedTo", secondLatest.minusDays(1).toString()));
		assertThat(this.surveillances.of(number)).last()
			.satisfies((s) -> assertThat(s.postponedTo()).isEqualTo(secondLatest.minusDays(1)));
	}

	@Test
	void shouldOpenTheRecertificationApplicationForTheLastYearAndTakeALateOneOnlyWithAReason() {
		// PCEC 11 "有效期满前至少3个月", ZHHT 3.2, R-REC-1, issue 21 point 4: the client may
		// apply any time in the last year; the reminder comes before the deadline; later
		// than expiry − 3 months only with a recorded reason
		String number = this.driver.certify(3, 0);
		this.driver.moveTo(LocalDate.of(2027, 1, 9));
		this.driver.surveil(number, 0, CertificateAudit.KEEP);
		this.driver.moveTo(LocalDate.of(2027, 11, 10));
		this.driver.surveil(number, 0, CertificateAudit.KEEP);

		this.driver.moveTo(LocalDate.of(2028, 3, 9));
		assertWaitingAt(number, Elements.RECERTIFICATION_WINDOW);
		this.driver.moveTo(LocalDate.of(2028, 3, 10)); // expiry 2029-03-10 − 1 year
		assertWaitingAt(number, Elements.RECEIVE_RECERTIFICATION);
		assertThat(this.driver.certification().task(number, Elements.RECEIVE_RECERTIFICATION).getDueDate())
			.isEqualTo(cn.certflow.system.EngineTime.toDate(LocalDate.of(2028, 12, 10)));
		assertThat(reminders(number)).isZero();
		this.driver.moveTo(LocalDate.of(2028, 11, 9));
		assertThat(reminders(number)).isZero();
		this.driver.moveTo(LocalDate.of(2028, 11, 10)); // a month before the deadline
		assertThat(reminders(number)).isEqualTo(1);

		this.driver.moveTo(LocalDate.of(2028, 12, 11)); // after the deadline
		assertThatThrownBy(() -> this.driver.certification()
			.complete("reviewer", number, Elements.RECEIVE_RECERTIFICATION,
					Map.of("recertificationDecision", "APPLY", "changesDeclared", false)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("lateApplicationReason");
		this.driver.certification()
			.complete("reviewer", number, Elements.RECEIVE_RECERTIFICATION, Map.of("recertificationDecision", "APPLY",
					"changesDeclared", false, "lateApplicationReason", "客户内部重组，延误申请"));
		assertWaitingAt(number, Elements.RECERTIFICATION_AUDIT);
		assertThat(this.historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(this.driver.lifecycle(number).getId())
			.variableName(CertificateLifecycle.LATE_APPLICATION_REASON.getName())
			.singleResult()
			.getValue()).isEqualTo("客户内部重组，延误申请");
	}

	/**
	 * Issue 21 acceptance: three years of a certificate of each scheme, the clock moved
	 * through every timer, each date asserted against the regulatory clock (PCEC 10.2,
	 * 11, 13.2; ZHHT 3.2 surveillance in years 1 and 2; CQM 6.4 surveillance results).
	 */
	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "PCEC", "ZHHT", "CQM" })
	void shouldRunThreeYearsOfEachSchemeByTheRegulatoryClock(String scheme) {
		String number = this.driver.certify(cn.certflow.application.CertificationDriver.request(scheme, 3, 120), 0);
		LocalDate expiry = this.certificates.get(number).expiresOn().plusDays(1);
		assertThat(expiry).isEqualTo(this.regulatoryClock.after(CERTIFIED, RegulatoryPeriod.CERTIFICATE_VALIDITY));

		LocalDate countedFrom = CERTIFIED;
		java.util.List<LocalDate> dues = new java.util.ArrayList<>();
		for (int year = 1; year <= 2; year++) {
			LocalDate due = this.regulatoryClock.after(countedFrom, RegulatoryPeriod.SURVEILLANCE_INTERVAL);
			LocalDate planning = this.regulatoryClock.before(due, RegulatoryPeriod.SURVEILLANCE_PLANNING_LEAD);
			this.driver.moveTo(planning.minusDays(1));
			assertWaitingAt(number, Elements.SURVEILLANCE_PLANNING_TIME);
			this.driver.moveTo(planning);
			assertWaitingAt(number, Elements.SURVEILLANCE_AUDIT);
			assertThat(this.driver.certification().task(number, CertificateAudit.Elements.PLAN_AUDIT).getDueDate())
				.isEqualTo(cn.certflow.system.EngineTime.toDate(due));
			this.driver.plan(number);
			this.driver.audit(number, scheme, 0);
			this.driver.decide(number, CertificateAudit.KEEP, null);
			dues.add(due);
			countedFrom = planning; // decided on the planning day: the next counts from
									// it
		}
		assertThat(this.surveillances.of(number)).extracting(Surveillance::dueOn).containsExactlyElementsOf(dues);

		LocalDate window = this.regulatoryClock.before(expiry, RegulatoryPeriod.RECERTIFICATION_WINDOW);
		LocalDate deadline = this.regulatoryClock.before(expiry, RegulatoryPeriod.RECERTIFICATION_APPLICATION_DEADLINE);
		LocalDate reminder = this.regulatoryClock.before(deadline, RegulatoryPeriod.RECERTIFICATION_REMINDER_LEAD);
		this.driver.moveTo(window.minusDays(1));
		assertWaitingAt(number, Elements.RECERTIFICATION_WINDOW);
		this.driver.moveTo(window);
		assertWaitingAt(number, Elements.RECEIVE_RECERTIFICATION);
		assertThat(this.driver.certification().task(number, Elements.RECEIVE_RECERTIFICATION).getDueDate())
			.isEqualTo(cn.certflow.system.EngineTime.toDate(deadline));
		this.driver.moveTo(reminder.minusDays(1));
		assertThat(reminders(number)).isZero();
		this.driver.moveTo(reminder);
		assertThat(reminders(number)).isEqualTo(1);

		this.driver.certification()
			.complete("reviewer", number, Elements.RECEIVE_RECERTIFICATION,
					Map.of("recertificationDecision", "NOT_APPLYING"));
		this.driver.moveTo(expiry.minusDays(1));
		assertThat(this.certificates.get(number).status()).isEqualTo(CertificateStatus.VALID);
		this.driver.moveTo(expiry);
		assertThat(this.certificates.get(number).status()).isEqualTo(CertificateStatus.EXPIRED);
		assertThat(this.driver.lifecycle(number)).isNull();
	}

	@Test
	void shouldJudgeEachReportedEventOnce() {
		// PCEC 10.2(1), R-SUR-2, issue 21 point 3: a proven media exposure orders a
		// special
		// audit; a later single complaint, no trigger of its own, orders none (today
		// every
		// event ever reported was judged again, so the old exposure ordered a second
		// audit)
		String number = this.driver.certify(3, 0);
		this.driver.moveTo(LocalDate.of(2026, 5, 2));
		this.driver.certification()
			.as("reviewer", () -> this.requests.reportEvent(number,
					new CertificateRequests.EventBody("MEDIA_EXPOSURE_PROVEN", "2026-05-01", "报道属实"), "reviewer"));
		assertThat(specialAudits(number)).isEqualTo(1);

		this.driver.moveTo(LocalDate.of(2026, 6, 1));
		this.driver.certification()
			.as("reviewer", () -> this.requests.reportEvent(number,
					new CertificateRequests.EventBody("COMPLAINT_RECEIVED", "2026-05-20", "顾客来电投诉"), "reviewer"));

		assertThat(specialAudits(number)).as("the exposure is not judged again").isEqualTo(1);
		assertThat(this.jdbc
			.sql("select outcome from certificate_request where certificate_number = ?"
					+ " and event_kind = 'COMPLAINT_RECEIVED'")
			.param(number)
			.query(String.class)
			.single()).startsWith("recorded: no trigger fired");
	}

	@Test
	void shouldEscalateASpecialAuditNotPlannedInTimeToManagersAndRecordWhatTheyDid() throws Exception {
		// PCEC 10.2(1), R-SUR-2 (found by the year simulation of issue 22): the special
		// audit's plan is due CERTIFICATE_AUDIT_PLANNING after the event; past that date
		// the
		// managers are asked to act, and the escalation and their answer are recorded on
		// the certificate's audits
		String number = this.driver.certify(3, 0);
		LocalDate reported = LocalDate.of(2026, 5, 2);
		this.driver.moveTo(reported);
		this.driver.certification()
			.as("reviewer", () -> this.requests.reportEvent(number,
					new CertificateRequests.EventBody("MEDIA_EXPOSURE_PROVEN", "2026-05-01", "报道属实"), "reviewer"));
		LocalDate due = this.regulatoryClock.after(reported, RegulatoryPeriod.CERTIFICATE_AUDIT_PLANNING);
		this.driver.moveTo(due.minusDays(1));
		assertThat(this.driver.certification().task(number, CertificateAudit.Elements.HANDLE_OVERDUE_PLANNING))
			.isNull();
		this.driver.moveTo(due.plusDays(1));
		this.driver.certification()
			.complete("manager", number, CertificateAudit.Elements.HANDLE_OVERDUE_PLANNING,
					Map.of(CertificateAudit.OVERDUE_PLANNING_NOTES.getName(), "已改派审查组长，本周内完成策划"));
		assertThat(this.history.of(StatusHistory.Entity.CERTIFICATE_AUDIT, number))
			.extracting(StatusHistory.Change::toStatus, StatusHistory.Change::changedBy)
			.containsExactly(tuple("ESCALATED", "system"), tuple("ESCALATION_HANDLED", "manager"));
		assertThat(this.driver.certification().task(number, CertificateAudit.Elements.PLAN_AUDIT))
			.as("the plan stays with the lead auditors")
			.isNotNull();
		// the certificate's staff page shows the escalation and the managers' answer
		String page = new StaffBrowser(this.port).login("manager", "manager")
			.get("/staff/certificates/" + number)
			.body();
		assertThat(page).contains("获证后审查逾期记录", "逾期已上报", "逾期已处理", "已改派审查组长，本周内完成策划");
	}

	@Test
	void shouldCloseTheYearsSurveillanceWhenItEndsInSuspension() {
		// PCEC 10.2, 12.3, issue 21 point 5: the surveillance was done on time and ended
		// in
		// suspension: no overdue escalation, and no second suspension (SUSPENDED →
		// SUSPENDED, an incident today) when its postponement limit passes
		String number = this.driver.certify(3, 0);
		this.driver.moveTo(LocalDate.of(2027, 1, 9));
		this.driver.plan(number);
		this.driver.audit(number, 0);
		this.driver.certification()
			.complete("decider", number, CertificateAudit.Elements.DECIDE,
					Map.of("certificateAuditDecision", CertificateAudit.SUSPEND, "sanctionFacts",
							java.util.List.of("MAJOR_COMPLAINT_NOT_RECTIFIED"), "certificateAuditReasons",
							"重大投诉经核实且未整改"));
		assertThat(this.certificates.get(number).status()).isEqualTo(CertificateStatus.SUSPENDED);
		assertThat(this.surveillances.of(number)).first()
			.satisfies((s) -> assertThat(s.decision()).isEqualTo("SUSPEND"));

		this.driver.moveTo(LocalDate.of(2027, 3, 11)); // past the due date
		assertThat(this.driver.certification().task(number, Elements.HANDLE_OVERDUE_SURVEILLANCE)).isNull();
		this.driver.moveTo(LocalDate.of(2027, 6, 11)); // past the latest date
		assertThat(this.history.of(StatusHistory.Entity.CERTIFICATE, number)).extracting(StatusHistory.Change::toStatus)
			.containsExactly("VALID", "SUSPENDED");
		assertThat(this.surveillances.of(number)).first().satisfies((s) -> assertThat(s.escalatedAt()).isNull());

		this.driver.certification()
			.complete("decider", number, CertificateSuspension.Elements.VERIFY_LIFTING,
					Map.of("causeCleared", true, "verificationNotes", "现场验证投诉已整改"));
		assertThat(this.certificates.get(number).status()).isEqualTo(CertificateStatus.VALID);
		assertWaitingAt(number, Elements.SURVEILLANCE_PLANNING_TIME); // year 2, 12 months
																		// after year 1
		assertThat(this.surveillances.of(number)).last()
			.satisfies((s) -> assertThat(s.dueOn()).isEqualTo(LocalDate.of(2028, 1, 9)));
	}

	@Test
	void shouldDowngradeAndReissueWhenSurveillanceFallsBelowTheCertifiedGrade() {
		// R-SUR-3 / R-CHG-1 (4): 88 points → 三星级 below the certified 四星级 → reissue at 3★,
		// the old version recalled
		String number = this.driver.certify(4, 0);
		// issue 20 point 11, R-DEC-2: the sheet reached 五星级, the certificate carries the
		// 四星级 applied for, and its explanation says so
		assertThat(this.certificates.get(number).gradeExplanation()).endsWith("颁发 四星级：审查评定为 五星级，不高于申请或决定的星级");
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
		// issue 20 point 11: the reissued revision carries the surveillance audit's
		// grading
		// (its table version and explanation), not the initial one's
		cn.certflow.audit.AuditScore surveillanceScore = this.audits
			.latestScore(this.surveillances.of(number).get(0).auditId())
			.orElseThrow();
		assertThat(certificate.decisionVersion()).isEqualTo(surveillanceScore.decisionVersion());
		assertThat(certificate.gradeExplanation()).isEqualTo(surveillanceScore.explanation()).doesNotContain("颁发 四星级");
		assertThat(this.certificates.revisions(number)).first().satisfies(first -> {
			assertThat(first.stars()).isEqualTo(4);
			assertThat(first.recalledOn()).isEqualTo(LocalDate.of(2027, 1, 9));
		});
		// CERTIFICATE_DOWNGRADED (R-SUR-3, issue 18 point 6): the holder is told the new
		// grade and revision by the decision's own transaction
		assertThat(notice(number, NoticeKind.CERTIFICATE_DOWNGRADED).body()).contains("2027-01-09")
			.contains("降为 三星级")
			.contains("第 2 版")
			.contains("R-SUR-3");
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
			.hasMessageContaining("已暂停");
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
		// SUSPENSION_LIFTED (R-SUS-1, PCEC 12.3): the holder may use the certificate
		// again, told by the verification that lifted it
		assertThat(notice(number, NoticeKind.SUSPENSION_LIFTED).body()).contains("2026-06-01").contains("现场验证投诉已整改");
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
	void shouldStaySuspendedUntilEveryCauseOfSuspensionIsCleared() {
		// R-SUS-1, PCEC 12.3, PCEC 10.2: the CB suspends the certificate, then its
		// surveillance passes its latest date while it is suspended: the certificate
		// stays
		// suspended with both causes in its history (not an incident), each cause has its
		// own verification, and only clearing the last one makes it valid again
		String number = this.driver.certify(3, 0);
		this.driver.moveTo(LocalDate.of(2027, 2, 1));
		this.driver.certification()
			.as("decider", () -> this.requests.suspend(number, new CertificateRequests.ReasonBody("重大投诉经核实，限期整改", "CB"),
					"decider"));

		this.driver.moveTo(LocalDate.of(2027, 6, 11));

		assertThat(this.certificates.get(number).status()).isEqualTo(CertificateStatus.SUSPENDED);
		assertThat(this.history.of(StatusHistory.Entity.CERTIFICATE, number)).last()
			.satisfies(c -> assertThat(c.reason()).contains("另一暂停原因").contains("推迟期限届满"));
		List<org.camunda.bpm.engine.task.Task> verifications = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(number)
			.taskDefinitionKey(CertificateSuspension.Elements.VERIFY_LIFTING)
			.orderByTaskCreateTime()
			.asc()
			.list();
		assertThat(verifications).hasSize(2);

		verify(verifications.get(0), "现场验证投诉已整改");
		assertThat(this.certificates.get(number).status()).as("the missed surveillance is not cleared yet")
			.isEqualTo(CertificateStatus.SUSPENDED);
		assertThat(this.history.of(StatusHistory.Entity.CERTIFICATE, number)).last()
			.satisfies(c -> assertThat(c.reason()).contains("另有暂停原因未消除"));

		verify(verifications.get(1), "已完成特殊审查，监督要求已满足");
		assertThat(this.certificates.get(number).status()).isEqualTo(CertificateStatus.VALID);
	}

	private void verify(org.camunda.bpm.engine.task.Task verification, String notes) {
		this.driver.certification()
			.as("decider", () -> this.engine.getTaskService()
				.complete(verification.getId(), Map.of("causeCleared", true, "verificationNotes", notes)));
	}

	@Test
	void shouldExpireByItselfWhenRecertificationIsNotDecidedBeforeExpiry() {
		// R-REC-1 / R-CERT-1: applied, audit not finished by expiry → expired, the audit
		// cancelled
		String number = appliedForRecertificationWithChanges();
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
		// CERTIFICATE_EXPIRED (R-CERT-1, PCEC 11): written by the expiry timer's step
		assertThat(notice(number, NoticeKind.CERTIFICATE_EXPIRED).body()).contains("2029-03-10").contains("到期失效");
	}

	@Test
	void shouldTellTheHolderWhyItsRecertificationDocumentsFailed() {
		// R-REC-1, R-DOC-1, PCEC 11: the declared changes' documents fail their review →
		// RECERTIFICATION_DOCUMENTS_FAILED with the findings, written by the review
		// itself, then mailed by the lifecycle's next step; the certificate runs out
		String number = appliedForRecertificationWithChanges();

		this.driver.certification()
			.complete("reviewer", number, Elements.REVIEW_RECERTIFICATION_DOCUMENTS, Map
				.of("recertificationDocumentsOutcome", "FAILED", "recertificationDocumentFindings", "新增服务网点无服务规范"));

		assertThat(notice(number, NoticeKind.RECERTIFICATION_DOCUMENTS_FAILED).body()).contains("新增服务网点无服务规范");
		assertThat(this.driver.certification().task(number, CertificateAudit.Elements.PLAN_AUDIT)).isNull();
		assertWaitingAt(number, Elements.MAIL_PENDING_NOTICES);
		this.driver.fireDueJobs();
		assertThat(notice(number, NoticeKind.RECERTIFICATION_DOCUMENTS_FAILED).attempts()).isOne();
		assertWaitingAt(number, Elements.WAIT_FOR_EXPIRY);
	}

	/**
	 * Certified on {@link #CERTIFIED}, both surveillances kept, and on 2028-12-10 applied
	 * for recertification with a change declared: its documents are up for review.
	 */
	private String appliedForRecertificationWithChanges() {
		String number = this.driver.certify(3, 0);
		this.driver.moveTo(LocalDate.of(2027, 1, 9));
		this.driver.surveil(number, 0, CertificateAudit.KEEP);
		this.driver.moveTo(LocalDate.of(2027, 11, 10));
		this.driver.surveil(number, 0, CertificateAudit.KEEP);
		this.driver.moveTo(LocalDate.of(2028, 12, 10));
		this.driver.certification()
			.complete("reviewer", number, Elements.RECEIVE_RECERTIFICATION, Map.of("recertificationDecision", "APPLY",
					"changesDeclared", true, "changesDescription", "新增一个服务网点"));
		return number;
	}

	@Test
	void shouldCancelAtTheClientsRequest() {
		// R-SUS-1: 注销 on request, final
		String number = this.driver.certify(3, 0);
		this.requests.cancel(number, new CertificateRequests.ReasonBody("企业停止经营该业务", "CLIENT"), "reviewer");
		assertThat(this.certificates.get(number).status()).isEqualTo(CertificateStatus.CANCELLED);
		// CERTIFICATE_CANCELLED (R-SUS-1, PCEC 12.3): in the cancellation's transaction
		assertThat(notice(number, NoticeKind.CERTIFICATE_CANCELLED).body()).contains("2026-03-10")
			.contains("注销")
			.contains("企业停止经营该业务");
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
		// CERTIFICATE_WITHDRAWN (R-SUS-1, PCEC 12.3): in the withdrawal's transaction
		assertThat(notice(number, NoticeKind.CERTIFICATE_WITHDRAWN).body()).contains("2026-03-10")
			.contains("撤销")
			.contains("列入严重失信名单");
	}

	private ClientNotice notice(String number, NoticeKind kind) {
		return CertificateNotice.theOne(this.notices, number, kind);
	}

	private int reminders(String number) {
		return this.jdbc
			.sql("select count(*) from client_notice where kind = 'RECERTIFICATION_REMINDER' and body like ?")
			.param("%" + number + "%")
			.query(Integer.class)
			.single();
	}

	private long specialAudits(String number) {
		return this.historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(CertificateAudit.KEY)
			.processInstanceBusinessKey(number)
			.count();
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
