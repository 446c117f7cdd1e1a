package cn.certflow.security;

import static cn.certflow.application.InitialCertification.Elements.CERTIFICATION_DECISION;
import static cn.certflow.application.InitialCertification.Elements.PLAN_AUDIT;
import static cn.certflow.application.InitialCertification.Elements.REVIEW_APPLICATION;
import static cn.certflow.application.InitialCertification.Elements.REVIEW_DOCUMENTS;
import static cn.certflow.application.InitialCertification.Elements.SIGN_CONTRACT;
import static cn.certflow.application.InitialCertification.Elements.SUBMIT_CORRECTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import cn.certflow.audit.OnsiteAudit;
import cn.certflow.certificate.LifecycleDriver;
import cn.certflow.system.EngineTime;
import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 15 (a), the initial certification and its on-site audit: before every step the
 * process's identifiers and grades are forged to name another, certified client (past
 * FormFieldsOnly, as a task submission would have set them on today's main). Each
 * listener and delegate still acts on its own application, audit and grade — read from
 * our records by process instance — and nothing is recorded against the other client. One
 * assertion per listener, named after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class IdentifiersFromRecordsTest {

	@Autowired
	LifecycleDriver lifecycle;

	@Autowired
	CertificationDriver driver;

	@Autowired
	Forgery forgery;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcClient jdbc;

	/** One decoy for the class: a certified client, in this test context's database. */
	static Forgery.Decoy decoy;

	Map<String, Object> forged;

	Map<String, Object> decoyBefore;

	@BeforeEach
	void decoy() {
		this.lifecycle.moveTo(LocalDate.of(2026, 3, 10));
		if (decoy == null || count("select count(*) from certificate where number = ?", decoy.certificate()) == 0) {
			decoy = this.forgery.decoy(this.lifecycle.certify(5, 0));
		}
		this.forged = this.forgery.forged(decoy);
		this.decoyBefore = this.forgery.state(decoy);
	}

	@AfterEach
	void decoyUntouched() {
		assertThat(this.forgery.state(decoy)).as("nothing recorded against the client the variables named")
			.isEqualTo(this.decoyBefore);
		ClockUtil.reset();
	}

	@Test
	void shouldCertifyOnTheApplicationsOwnRecordsWhateverItsVariablesName() {
		ApplicationRequest request = CertificationDriver.request("PCEC", 5, 120);
		String number = this.driver.submit(request);
		String instance = this.driver.instance(number).getId();
		this.driver.uploadMandatoryDocuments(number);
		complete("reviewer", number, REVIEW_APPLICATION, CertificationDriver.acceptance(Map.of()));
		complete("reviewer", number, SIGN_CONTRACT,
				Map.of("contractNumber", "HT-" + number, "contractSignedOn", EngineTime.today().toString()));
		complete("lead", number, cn.certflow.application.InitialCertification.Elements.APPOINT_AUDIT_TEAM,
				Map.of("leadAuditor", "lead", "auditTeam", "auditor"));
		complete("lead", number, REVIEW_DOCUMENTS, Map.of("documentReviewOutcome", "PASSED"));
		complete("lead", number, PLAN_AUDIT,
				Map.of("leadAuditor", "lead", "auditTeam", "auditor", "plannedDate", EngineTime.today().toString()));
		long audit = auditOf(number);
		complete("lead", number, OnsiteAudit.Elements.OPENING_MEETING,
				Map.of("planConfirmed", true, "attendance", "总经理"));
		complete("auditor", number, OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS, Map.of("findings", "符合"));
		complete("auditor", number, OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT, Map.of("findings", "有效"));
		// 88 points on the PCEC sheet: 三星级 — the forged schemeId (CQM) and 5★ must not
		// count
		complete("lead", number, OnsiteAudit.Elements.SCORE_AUDIT, this.driver.sheetScores("PCEC", 12));
		complete("lead", number, OnsiteAudit.Elements.CLOSING_MEETING, Map.of());
		complete("decider", number, CERTIFICATION_DECISION, Map.of("decisionOutcome", "CERTIFY"));

		long applicationId = applicationId(number);
		assertThat(text("select reviewed_by from application where id = ?", applicationId))
			.as("ApplicationReviewListener")
			.isEqualTo("reviewer");
		assertThat(text("select contract_number from application where id = ?", applicationId)).as("ContractListener")
			.isEqualTo("HT-" + number);
		assertThat(count("select count(*) from document_review where application_id = ?", applicationId))
			.as("DocumentReviewListener")
			.isOne();
		assertThat(this.jdbc.sql("select application_id, process_instance_id from audit where id = ?")
			.param(audit)
			.query((rs, n) -> rs.getLong(1) + "/" + rs.getString(2))
			.single()).as("AuditPlanListener").isEqualTo(applicationId + "/" + instance);
		assertThat(events(audit)).as("OpeningMeetingListener").contains("OPENING_MEETING");
		assertThat(events(audit)).as("AuditFindingsListener")
			.contains(OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS,
					OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT);
		assertThat(text("select scheme || ' ' || stars from audit_score where audit_id = ?", audit))
			.as("AuditScoringListener")
			.isEqualTo("PCEC 3");
		assertThat(events(audit)).as("ClosingMeetingListener").contains("CLOSING_MEETING");
		assertThat(text("select status || ' ' || outcome from audit where id = ?", audit)).as("AuditOutcomeListener")
			.isEqualTo("COMPLETED RECOMMENDED");
		assertThat(text("select audit_id || ' ' || stars || ' ' || decided_by from certification_decision"
				+ " where application_id = ?", applicationId))
			.as("CertificationDecisionListener")
			.isEqualTo(audit + " 3 decider");
		assertThat(text("select stars || ' ' || holder_name from certificate where application_id = ?", applicationId))
			.as("IssueCertificateDelegate")
			.isEqualTo("3 " + request.clientName());
		assertThat(count("select count(*) from client_notice where application_id = ? and kind = 'CERTIFICATE_ISSUED'",
				applicationId))
			.as("CertificateIssuedNoticeListener")
			.isOne();
	}

	@Test
	void shouldKeepTheAuditTeamFromDecidingAndRefuseAFailedGradeWhateverAuditTheVariablesName() {
		// the attack of issue 15 at the engine: dual on the team, graded 不合格, variables
		// naming the decoy's 5★ audit
		String number = this.driver.submit(CertificationDriver.request("PCEC", 5, 50));
		this.driver.acceptApplication(number);
		this.driver.signContract(number);
		this.driver.reviewAndPlan(number, "lead", "dual");
		this.driver.openAndEvaluate(number, "lead", "dual");
		this.driver.score(number, "lead", "PCEC", 31);
		this.driver.closeMeeting(number, "lead", "");
		long audit = auditOf(number);
		this.forgery.forge(number, this.forged);

		assertThatThrownBy(() -> this.driver.claim("dual", number, CERTIFICATION_DECISION)).as("ImpartialityListener")
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("R-DEC-1")
			.hasMessageContaining(number);
		assertThatThrownBy(() -> complete("dual", number, CERTIFICATION_DECISION, Map.of("decisionOutcome", "CERTIFY")))
			.as("ImpartialityListener")
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("R-DEC-1");
		assertThatThrownBy(
				() -> complete("decider", number, CERTIFICATION_DECISION, Map.of("decisionOutcome", "CERTIFY")))
			.as("CertificationDecisionListener")
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("不合格");
		complete("decider", number, CERTIFICATION_DECISION,
				Map.of("decisionOutcome", "REFUSE", "decisionReasons", "评分未达到达标级"));

		long applicationId = applicationId(number);
		assertThat(text("select audit_id || ' ' || stars from certification_decision where certified = false"
				+ " and application_id = ?", applicationId))
			.as("CertificationDecisionListener")
			.isEqualTo(audit + " 0");
		assertThat(
				count("select count(*) from client_notice where application_id = ? and kind = 'CERTIFICATION_REFUSED'",
						applicationId))
			.as("RefuseCertificationDelegate")
			.isOne();
		assertThat(text("select status from application where id = ?", applicationId)).as("RefuseCertificationDelegate")
			.isEqualTo("REFUSED");
		assertThat(count("select count(*) from certificate where application_id = ?", applicationId)).isZero();
	}

	@Test
	void shouldEscalateRejectAndTakeCorrectionsOnTheirOwnApplications() {
		// an overdue review, then a rejection
		String late = this.driver.submit(CertificationDriver.request("PCEC", 3, 50));
		this.forgery.forge(late, this.forged);
		Job timer = this.management.createJobQuery()
			.processInstanceId(this.driver.instance(late).getId())
			.timers()
			.singleResult();
		ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
		this.management.executeJob(timer.getId());
		assertThat(count("select count(*) from escalation where application_id = ?", applicationId(late)))
			.as("RecordEscalationDelegate")
			.isOne();
		complete("reviewer", late, REVIEW_APPLICATION, Map.of("reviewOutcome", "REJECT", "rejectionReason", "资料不全"));
		assertThat(
				count("select count(*) from client_notice where application_id = ? and kind = 'APPLICATION_REJECTED'",
						applicationId(late)))
			.as("RejectApplicationDelegate")
			.isOne();

		// documents sent back for corrections
		String corrected = this.driver.submit(CertificationDriver.request("PCEC", 3, 50));
		this.driver.acceptApplication(corrected);
		this.driver.signContract(corrected);
		this.driver.appointTeam(corrected, "lead", "auditor");
		complete("lead", corrected, REVIEW_DOCUMENTS,
				Map.of("documentReviewOutcome", "CORRECTIONS_NEEDED", "documentFindings", "组织机构图缺失"));
		this.driver.submitCorrections(corrected, "已补交");
		assertThat(statuses(corrected)).as("DocumentCorrectionsListener").endsWith("DOCUMENTS_RESUBMITTED");
	}

	@Test
	void shouldTerminateAndVerifyCorrectionsOnTheirOwnAudits() {
		// termination proposed, approved and recorded (R-AUD-2)
		String terminated = toEvaluation();
		long audit = auditOf(terminated);
		complete("auditor", terminated, OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS,
				Map.of("findings", "现场无服务活动", "proposeTermination", true, "terminationClause", "(4)",
						"terminationReason", "现场无认证范围内服务活动"));
		complete("auditor", terminated, OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT, Map.of("findings", "未开展"));
		assertThat(events(audit)).as("AuditFindingsListener").contains("TERMINATION_PROPOSED");
		complete("quality", terminated, OnsiteAudit.Elements.APPROVE_TERMINATION, Map.of("terminationApproved", true));
		assertThat(events(audit)).as("TerminationApprovalListener").contains("TERMINATION_APPROVED");
		assertThat(count("select count(*) from client_notice where application_id = ? and kind = 'AUDIT_TERMINATED'",
				applicationId(terminated)))
			.as("RecordTerminationDelegate")
			.isOne();
		assertThat(text("select status || ' ' || outcome from audit where id = ?", audit)).as("AuditOutcomeListener")
			.isEqualTo("TERMINATED TERMINATED");
		assertThat(statuses(terminated)).as("ApplicationTerminatedListener").endsWith("AUDIT_TERMINATED");

		// nonconformities raised, then verified closed (R-AUD-3)
		String verified = toEvaluation();
		long verifiedAudit = auditOf(verified);
		this.driver.complete("auditor", verified, OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS,
				Map.of("findings", "符合"));
		this.driver.complete("auditor", verified, OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT,
				Map.of("findings", "有效"));
		complete("lead", verified, OnsiteAudit.Elements.SCORE_AUDIT, this.driver.sheetScores("PCEC", 0));
		complete("lead", verified, OnsiteAudit.Elements.CLOSING_MEETING, Map.of("nonconformities", "投诉处理记录不完整"));
		assertThat(count("select count(*) from nonconformity where audit_id = ? and closed_at is null", verifiedAudit))
			.as("ClosingMeetingListener")
			.isOne();
		this.driver.answerCorrectiveActions(verified);
		complete("lead", verified, OnsiteAudit.Elements.VERIFY_CORRECTIONS, Map.of("verificationOutcome", "CLOSED"));
		assertThat(count("select count(*) from nonconformity where audit_id = ? and closed_at is null", verifiedAudit))
			.as("CorrectionVerificationListener")
			.isZero();
		assertThat(events(verifiedAudit)).as("CorrectionVerificationListener").contains("CORRECTIONS_CLOSED");
	}

	/**
	 * An application whose on-site audit is at the evaluations, audited by lead and
	 * auditor.
	 */
	private String toEvaluation() {
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 50));
		this.driver.acceptApplication(number);
		this.driver.signContract(number);
		this.driver.reviewAndPlan(number, "lead", "auditor");
		complete("lead", number, OnsiteAudit.Elements.OPENING_MEETING,
				Map.of("planConfirmed", true, "attendance", "总经理"));
		return number;
	}

	private void complete(String user, String number, String taskKey, Map<String, Object> form) {
		this.forgery.complete(this.forged, user, number, taskKey, form);
	}

	private long applicationId(String number) {
		return this.jdbc.sql("select id from application where number = ?").param(number).query(Long.class).single();
	}

	private long auditOf(String number) {
		return this.forgery.latestAudit(applicationId(number));
	}

	private List<String> events(long audit) {
		return this.jdbc.sql("select kind from audit_event where audit_id = ? order by id")
			.param(audit)
			.query(String.class)
			.list();
	}

	private List<String> statuses(String number) {
		return this.jdbc
			.sql("select to_status from status_change where entity_type = 'APPLICATION' and entity_key = ?"
					+ " order by id")
			.param(number)
			.query(String.class)
			.list();
	}

	private String text(String sql, Object parameter) {
		return this.jdbc.sql(sql).param(parameter).query(String.class).single();
	}

	private long count(String sql, Object parameter) {
		return this.jdbc.sql(sql).param(parameter).query(Long.class).single();
	}

}
