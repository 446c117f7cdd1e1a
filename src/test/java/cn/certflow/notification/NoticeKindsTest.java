package cn.certflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import cn.certflow.certificate.CertificateRequests;
import cn.certflow.certificate.LifecycleDriver;
import cn.certflow.surveillance.CertificateAudit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 18 point 6: the client is told each step the certification body takes about it,
 * written by the step itself, in its transaction (the event happens → the notice is in
 * the client's inbox). Where each kind is tested, the event made to happen through the
 * processes:
 * <ul>
 * <li>APPLICATION_REJECTED:
 * InitialCertificationProcessTest#shouldRejectOnlyWithAWrittenReason,
 * IdentifiersFromRecordsTest#shouldEscalateRejectAndTakeCorrectionsOnTheirOwnApplications,
 * ClientNoticeDeliveryTest#shouldEmailTheRejectionReasonAndRecordWhoSentItWhen;</li>
 * <li>DOCUMENT_FINDINGS, DOCUMENT_CORRECTIONS_OVERDUE:
 * {@link #shouldGiveTheClientADeadlineForItsCorrectedDocumentsAndRemindItWhenItPasses};</li>
 * <li>AUDIT_PLAN, NONCONFORMITIES:
 * {@link #shouldTellTheClientThePlanAndTeamThenEachNonconformityWithItsDeadline};</li>
 * <li>CORRECTIVE_ACTIONS_OVERDUE:
 * {@link #shouldTellTheClientWhenItLetTheCorrectionDeadlinePass};</li>
 * <li>AUDIT_TERMINATED:
 * IdentifiersFromRecordsTest#shouldTerminateAndVerifyCorrectionsOnTheirOwnAudits;</li>
 * <li>CERTIFICATION_REFUSED:
 * IdentifiersFromRecordsTest#shouldKeepTheAuditTeamFromDecidingAndRefuseAFailedGradeWhateverAuditTheVariablesName;</li>
 * <li>CERTIFICATE_ISSUED:
 * InitialCertificationProcessTest#shouldIssueCertificateValidThreeYearsOnTheHappyPath,
 * ClientNoticeDeliveryTest#shouldEmailTheIssuedCertificate;</li>
 * <li>SURVEILLANCE_PLAN, SURVEILLANCE_RESULT:
 * {@link #shouldTellTheHolderWhenTheSurveillanceIsDueAndWhatItDecided};</li>
 * <li>CERTIFICATE_AUDIT_REFUSED:
 * IdentifiersFromRecordsAfterCertificationTest#shouldReviewAuditAndReissueTheCertificatesOwnChanges;</li>
 * <li>CERTIFICATE_SUSPENDED: PortalRequestsTest#shouldSuspendAtTheClientsRequest;</li>
 * <li>SUSPENSION_LIFTED:
 * CertificateLifecycleProcessTest#shouldSuspendOnRequestAndLiftOnlyAfterVerification;</li>
 * <li>CERTIFICATE_WITHDRAWN:
 * CertificateLifecycleProcessTest#shouldWithdrawByDecisionOfTheCertificationBody;</li>
 * <li>CERTIFICATE_CANCELLED:
 * CertificateLifecycleProcessTest#shouldCancelAtTheClientsRequest;</li>
 * <li>CERTIFICATE_EXPIRED:
 * CertificateLifecycleProcessTest#shouldExpireByItselfWhenRecertificationIsNotDecidedBeforeExpiry;</li>
 * <li>CERTIFICATE_DOWNGRADED:
 * CertificateLifecycleProcessTest#shouldDowngradeAndReissueWhenSurveillanceFallsBelowTheCertifiedGrade;</li>
 * <li>CERTIFICATE_REISSUED:
 * CertificateChangeProcessTest#shouldReissueUnderTheNewNameAfterDocumentReview;</li>
 * <li>CHANGE_REJECTED:
 * CertificateChangeProcessTest#shouldRejectAChangeWithReasonsForTheClient;</li>
 * <li>TRANSITION_DEADLINE:
 * {@link #shouldTellEveryHolderOfTheSchemeItsTransitionDeadline};</li>
 * <li>RECERTIFICATION_REMINDER: CertificateLifecycleProcessTest
 * #shouldOpenTheRecertificationApplicationForTheLastYearAndTakeALateOneOnlyWithAReason;</li>
 * <li>RECERTIFICATION_DOCUMENTS_FAILED:
 * CertificateLifecycleProcessTest#shouldTellTheHolderWhyItsRecertificationDocumentsFailed;</li>
 * <li>CASE_ACKNOWLEDGED, CASE_OUTCOME (to a complainant without an account at the case's
 * e-mail address and to the client; the outcome mailed at once by the case's own step):
 * AppealComplaintProcessTest#shouldTriggerASpecialAuditForAComplaintProvenTheClientsFault,
 * to the appellant client:
 * AppealComplaintProcessTest#shouldKeepAnyoneInvolvedFromDecidingAnAppeal.</li>
 * </ul>
 * {@link #shouldHaveAProcessTestNamingEveryKind} fails when a kind is added without one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class NoticeKindsTest {

	@Autowired
	LifecycleDriver lifecycle;

	@Autowired
	ProcessEngine engine;

	@Autowired
	Notices notices;

	@Autowired
	CertificateRequests requests;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldTellTheClientThePlanAndTeamThenEachNonconformityWithItsDeadline() {
		// PCEC 8.2.1 (the client knows the team), R-AUD-3 (30 days to correct)
		CertificationDriver driver = this.lifecycle.certification();
		ApplicationRequest request = CertificationDriver.request("PCEC", 3, 120);
		String number = plannedOnMarch10(request);

		assertThat(kinds(request)).contains("AUDIT_PLAN");
		ClientNotice plan = latest(request);
		assertThat(plan.body()).contains("2026-03-10").contains("lead").contains("auditor");
		// mailed by its own delivery a minute later, not at some later mail step of the
		// process (no mail server is configured here: kept as not sent, for a letter)
		String delivery = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(NoticeDeliveryProcess.BUSINESS_KEY_PREFIX + plan.id())
			.singleResult()
			.getId();
		ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + 61_000));
		for (int step = 0; step < 2; step++) {
			Job job = this.engine.getManagementService()
				.createJobQuery()
				.processInstanceId(delivery)
				.executable()
				.singleResult();
			this.engine.getManagementService().executeJob(job.getId());
		}
		assertThat(latest(request).delivery()).isEqualTo(NoticeDelivery.NOT_SENT);
		assertThat(latest(request).attempts()).isEqualTo(1);

		driver.openAndEvaluate(number, "lead", "auditor");
		driver.score(number, "lead", "PCEC", 0);
		driver.closeMeeting(number, "lead", "服务承诺未公示\n投诉台账不完整");

		assertThat(latest(request)).satisfies(notice -> {
			assertThat(notice.kind()).isEqualTo("NONCONFORMITIES");
			assertThat(notice.applicationNumber()).isEqualTo(number);
			assertThat(notice.body()).contains("服务承诺未公示").contains("投诉台账不完整").contains("2026-04-09");
		});
	}

	@Test
	void shouldTellTheClientWhenItLetTheCorrectionDeadlinePass() {
		// R-AUD-3 (30 days to correct, then a repeat audit or "not recommended"), issue
		// 18
		// point 6: the timer at the deadline tells the client in its own transaction
		CertificationDriver driver = this.lifecycle.certification();
		ApplicationRequest request = CertificationDriver.request("PCEC", 3, 120);
		String number = plannedOnMarch10(request);
		driver.openAndEvaluate(number, "lead", "auditor");
		driver.score(number, "lead", "PCEC", 0);
		driver.closeMeeting(number, "lead", "服务承诺未公示\n投诉台账不完整");
		Job deadline = this.engine.getManagementService()
			.createJobQuery()
			.activityId("BoundaryEvent_CorrectiveActionsOverdue")
			.processInstanceId(driver.task(number, "Task_SubmitCorrectiveActions").getProcessInstanceId())
			.singleResult();
		assertThat(kinds(request)).doesNotContain("CORRECTIVE_ACTIONS_OVERDUE");

		ClockUtil.setCurrentTime(new java.util.Date(deadline.getDuedate().getTime() + 60_000));
		this.engine.getManagementService().executeJob(deadline.getId());

		assertThat(latest(request)).satisfies(notice -> {
			assertThat(notice.kind()).isEqualTo("CORRECTIVE_ACTIONS_OVERDUE");
			assertThat(notice.applicationNumber()).isEqualTo(number);
			assertThat(notice.body()).contains("2 项不符合项").contains("2026-04-09");
		});
		assertThat(driver.task(number, "Task_SubmitCorrectiveActions")).as("the client may still answer").isNotNull();
	}

	@Test
	void shouldGiveTheClientADeadlineForItsCorrectedDocumentsAndRemindItWhenItPasses() {
		// PCEC 8.1 ("告知企业进行及时的纠正并采取纠正措施"; no period in the seeds: the product
		// default DOCUMENT_CORRECTIONS, 30 days) — the findings say by when; at the
		// deadline the client is reminded in the timer's transaction, the escalation is
		// recorded, the lead auditor and reviewers get the follow-up, and the client may
		// still send
		this.lifecycle.moveTo(LocalDate.of(2026, 3, 10));
		CertificationDriver driver = this.lifecycle.certification();
		ApplicationRequest request = CertificationDriver.request("PCEC", 3, 120);
		String number = driver.submit(request);
		driver.acceptApplication(number);
		driver.signContract(number);
		driver.appointTeam(number, "lead", "auditor");
		driver.complete("lead", number, "Task_ReviewDocuments",
				java.util.Map.of("documentReviewOutcome", "CORRECTIONS_NEEDED", "documentFindings", "缺少服务网点管理制度"));
		assertThat(latest(request)).satisfies(notice -> {
			assertThat(notice.kind()).isEqualTo("DOCUMENT_FINDINGS");
			assertThat(notice.body()).contains("缺少服务网点管理制度").contains("2026-04-09");
		});
		Job deadline = this.engine.getManagementService()
			.createJobQuery()
			.activityId("BoundaryEvent_DocumentCorrectionsOverdue")
			.processInstanceId(driver.task(number, "Task_SubmitCorrections").getProcessInstanceId())
			.singleResult();
		assertThat(deadline.getDuedate()).isEqualTo(driver.task(number, "Task_SubmitCorrections").getDueDate());

		ClockUtil.setCurrentTime(new java.util.Date(deadline.getDuedate().getTime() + 60_000));
		this.engine.getManagementService().executeJob(deadline.getId());

		assertThat(latest(request)).satisfies(notice -> {
			assertThat(notice.kind()).isEqualTo("DOCUMENT_CORRECTIONS_OVERDUE");
			assertThat(notice.applicationNumber()).isEqualTo(number);
			assertThat(notice.body()).contains("2026-04-09");
		});
		assertThat(this.jdbc
			.sql("select kind from escalation e join application a on a.id = e.application_id where a.number = ?")
			.param(number)
			.query(String.class)
			.list()).contains("DOCUMENT_CORRECTIONS_OVERDUE");
		driver.complete("lead", number, "Task_HandleOverdueDocumentCorrections",
				java.util.Map.of("overdueDocumentCorrectionsNotes", "已电话督促客户，客户承诺一周内提交"));
		assertThat(driver.task(number, "Task_SubmitCorrections")).as("the client may still send").isNotNull();
	}

	@Test
	void shouldTellTheHolderWhenTheSurveillanceIsDueAndWhatItDecided() {
		// PCEC 10.2: due within twelve months of the decision; the result told
		this.lifecycle.moveTo(LocalDate.of(2026, 3, 10));
		String certificate = this.lifecycle.certify(3, 0);
		List<ClientNotice> afterIssue = this.notices.forCertificate(certificate);
		assertThat(afterIssue).extracting(ClientNotice::kind).contains("CERTIFICATE_ISSUED", "SURVEILLANCE_PLAN");
		assertThat(afterIssue).filteredOn(n -> n.kind().equals("SURVEILLANCE_PLAN"))
			.singleElement()
			.satisfies(n -> assertThat(n.body()).contains("2027-03-10"));

		this.lifecycle.moveTo(LocalDate.of(2027, 1, 9));
		this.lifecycle.surveil(certificate, 0, CertificateAudit.KEEP);

		assertThat(this.notices.forCertificate(certificate)).filteredOn(n -> n.kind().equals("SURVEILLANCE_RESULT"))
			.singleElement()
			.satisfies(n -> assertThat(n.body()).contains("保持认证证书"));
	}

	@Test
	void shouldTellEveryHolderOfTheSchemeItsTransitionDeadline() {
		// R-CHG-1 (3): a new version of the rules, with a deadline to move to it
		this.lifecycle.moveTo(LocalDate.of(2026, 3, 10));
		String certificate = this.lifecycle.certify(3, 0);

		this.requests.setTransitionDeadline(
				new CertificateRequests.TransitionBody("PCEC", "PCEC-2027 服务认证规则", "2026-12-31"), "quality",
				List.of(certificate));

		assertThat(this.notices.forCertificate(certificate)).filteredOn(n -> n.kind().equals("TRANSITION_DEADLINE"))
			.singleElement()
			.satisfies(n -> assertThat(n.body()).contains("2026-12-31").contains("PCEC-2027 服务认证规则"));
	}

	/**
	 * A tripwire, not a proof: every kind is named, as {@code NoticeKind.KIND} or quoted
	 * on a line that speaks of a kind (a notice's {@code kind()}, SQL
	 * {@code kind = '...'}), in a test of the whole application other than NoticesTest
	 * (which writes kinds by hand, no event happening). The line rule keeps a status of
	 * the same name (an application's AUDIT_TERMINATED) from counting; whether the test
	 * makes the event happen is what the list above says.
	 */
	@Test
	void shouldHaveAProcessTestNamingEveryKind() throws IOException {
		List<String> lines = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				String text = Files.readString(file);
				if (text.contains("@SpringBootTest") && !file.endsWith("NoticesTest.java")) {
					lines.addAll(text.lines().toList());
				}
			}
		}
		assertThat(lines).as("the tests were found").isNotEmpty();
		assertThat(Arrays.stream(NoticeKind.values())
			.filter((kind) -> lines.stream().noneMatch((line) -> names(line, kind)))
			.toList()).as("notice kinds without a process test").isEmpty();
	}

	private static boolean names(String line, NoticeKind kind) {
		return Pattern.compile("\\bNoticeKind\\." + kind.name() + "\\b").matcher(line).find()
				|| (line.toLowerCase(Locale.ROOT).contains("kind")
						&& (line.contains("\"" + kind.name() + "\"") || line.contains("'" + kind.name() + "'")));
	}

	/**
	 * A fresh application on 2026-03-10 through the contract, the team's document review
	 * and the plan of its on-site audit, by lead with auditor.
	 */
	private String plannedOnMarch10(ApplicationRequest request) {
		this.lifecycle.moveTo(LocalDate.of(2026, 3, 10));
		CertificationDriver driver = this.lifecycle.certification();
		String number = driver.submit(request);
		driver.acceptApplication(number);
		driver.signContract(number);
		driver.reviewAndPlan(number, "lead", "auditor");
		return number;
	}

	private List<String> kinds(ApplicationRequest request) {
		return this.notices.forClient(request.creditCode()).stream().map(ClientNotice::kind).toList();
	}

	private ClientNotice latest(ApplicationRequest request) {
		return this.notices.forClient(request.creditCode()).get(0);
	}

}
