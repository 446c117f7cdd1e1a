package cn.certflow.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.certflow.certificate.CertificateLifecycle.Elements;
import cn.certflow.notification.ClientNotice;
import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.Notices;
import cn.certflow.surveillance.CertificateAudit;
import cn.certflow.system.ConflictException;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Changes to a certificate while it lives (R-CHG-1 (1)–(3), R-EXT-1, R-UPG-1): each kind
 * reviewed, audited when the kind needs it, and reissued as a new revision with the old
 * one recalled; a transition deadline cancels certificates not moved to the new rule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class CertificateChangeProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	LifecycleDriver driver;

	@Autowired
	CertificateService certificates;

	@Autowired
	CertificateRequests requests;

	@Autowired
	CertificateRequestRepository requestRecords;

	@Autowired
	StatusHistory history;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Notices notices;

	@BeforeEach
	void setUp() {
		init(this.engine);
		this.driver.moveTo(LocalDate.of(2026, 3, 10));
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

	private void review(String number, String outcome, boolean onsite) {
		this.driver.certification()
			.complete("reviewer", number, Elements.REVIEW_CHANGE_REQUEST,
					Map.of("changeReviewOutcome", outcome, "changeReviewNotes", "材料齐全", "onsiteAuditNeeded", onsite));
	}

	@Test
	void shouldReissueUnderTheNewNameAfterDocumentReview() {
		// R-CHG-1 (1): name change → document review → reissue, no audit
		String number = this.driver.certify(3, 0);
		long id = this.requests.change(number,
				new CertificateRequests.ChangeBody("NAME", "工商变更登记", "天津新名称服务有限公司", null, null, null, null),
				"reviewer");
		assertThat(this.driver.certification().task(number, Elements.REVIEW_CHANGE_REQUEST)).isNotNull();
		assertThatThrownBy(() -> this.requests.change(number,
				new CertificateRequests.ChangeBody("EXTENSION", null, null, null, "01.08", null, null), "reviewer"))
			.as("one change at a time")
			.isInstanceOf(ConflictException.class);

		review(number, "ACCEPT", true);

		Certificate certificate = this.certificates.get(number);
		assertThat(certificate.holderName()).isEqualTo("天津新名称服务有限公司");
		assertThat(certificate.revision()).isEqualTo(2);
		assertThat(this.certificates.revisions(number).get(0).recalledOn()).isEqualTo(LocalDate.of(2026, 3, 10));
		assertThat(this.certificates.revisions(number).get(0).holderName()).isEqualTo("天津某某电器服务有限公司");
		assertThat(this.requestRecords.get(id).status()).isEqualTo(CertificateRequest.DONE);
		assertThat(this.driver.certification().task(number, CertificateAudit.Elements.PLAN_AUDIT))
			.as("a name change needs no audit even when ticked")
			.isNull();
		// CERTIFICATE_REISSUED (R-CHG-1 (1), issue 18 point 6): the holder, under its new
		// name, is told of revision 2 by the review that reissued it
		assertThat(notice(number, NoticeKind.CERTIFICATE_REISSUED).body()).startsWith("天津新名称服务有限公司：")
			.contains("第 2 版")
			.contains("名称变更 (R-CHG-1 (1))");
	}

	@Test
	void shouldAuditAPremisesChangeAsInitialAndReissueWithTheNewAddress() {
		// R-CHG-1 (2): premises change → on-site audit (as initial) → reissue, old one
		// recalled
		String number = this.driver.certify(3, 0);
		this.requests.change(number,
				new CertificateRequests.ChangeBody("PREMISES", "迁址", null, "天津市西青区新址1号", null, null, null), "reviewer");
		review(number, "ACCEPT", false);
		this.driver.plan(number);
		assertThat(this.jdbc.sql("select audit_type from audit order by id desc").query(String.class).list().get(0))
			.isEqualTo("CHANGE");
		this.driver.audit(number, 0);
		this.driver.decide(number, CertificateAudit.APPROVE, null);

		Certificate certificate = this.certificates.get(number);
		assertThat(certificate.holderAddress()).isEqualTo("天津市西青区新址1号");
		assertThat(certificate.stars()).isEqualTo(3);
		assertThat(certificate.revision()).isEqualTo(2);
		assertThat(this.history.of(StatusHistory.Entity.CERTIFICATE, number)).last()
			.satisfies(c -> assertThat(c.reason()).contains("R-CHG-1 (2)").contains("新址"));
	}

	@Test
	void shouldAuditAChangeOfTheMainServiceProcessWithoutAskingForANewAddress_PCEC_12_1_2() {
		// PCEC 12.1(2) "经营场所、主要服务流程等发生变更时…按初始审查程序进行现场审查": a change
		// of the main service process at the same address → on-site audit as initial →
		// reissue, the address kept
		String number = this.driver.certify(3, 0);
		String address = this.certificates.get(number).holderAddress();
		assertThatThrownBy(() -> this.requests.change(number,
				new CertificateRequests.ChangeBody("SERVICE_PROCESS", " ", null, null, null, null, null), "reviewer"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("description");
		this.requests.change(number, new CertificateRequests.ChangeBody("SERVICE_PROCESS", "维修服务改为上门服务为主，增设400热线受理",
				null, null, null, null, null), "reviewer");
		review(number, "ACCEPT", false);
		this.driver.plan(number);
		assertThat(this.jdbc.sql("select audit_type from audit order by id desc").query(String.class).list().get(0))
			.as("audited as initial")
			.isEqualTo("CHANGE");
		this.driver.audit(number, 0);
		this.driver.decide(number, CertificateAudit.APPROVE, null);

		Certificate certificate = this.certificates.get(number);
		assertThat(certificate.holderAddress()).isEqualTo(address);
		assertThat(certificate.revision()).isEqualTo(2);
		assertThat(this.history.of(StatusHistory.Entity.CERTIFICATE, number)).last()
			.satisfies(c -> assertThat(c.reason()).contains("PCEC 12.1(2)"));
	}

	@Test
	void shouldReissueAtTheLowerGradeTheClientAskedForWithoutAnAudit_PCEC_12_3() {
		// PCEC 12.3 "获证企业可以向PCEC主动申请暂停、降级、注销": a downgrade is a request of its
		// own → review → reissue at the lower grade, no audit
		String number = this.driver.certify(3, 0);
		assertThatThrownBy(() -> this.requests.change(number,
				new CertificateRequests.ChangeBody("DOWNGRADE", "申请降级", null, null, null, 3, null), "reviewer"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("requestedStars");
		assertThatThrownBy(() -> this.requests.change(number,
				new CertificateRequests.ChangeBody("DOWNGRADE", "申请降级", null, null, null, 0, null), "reviewer"))
			.as("不合格 is no grade")
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("requestedStars");
		long id = this.requests.change(number,
				new CertificateRequests.ChangeBody("DOWNGRADE", "部分网点撤并，申请降为达标级", null, null, null, 2, null),
				"reviewer");
		review(number, "ACCEPT", true);

		Certificate certificate = this.certificates.get(number);
		assertThat(certificate.stars()).isEqualTo(2);
		assertThat(certificate.grade()).isEqualTo("达标级");
		// issue 20 point 11: the new revision says why it carries this grade, not the old
		// grade's explanation
		assertThat(certificate.gradeExplanation()).contains("未经审查评定").contains("三星级").contains("达标级");
		assertThat(this.certificates.revisions(number)).extracting(CertificateRevision::stars).containsExactly(3, 2);
		assertThat(this.requestRecords.get(id).status()).isEqualTo(CertificateRequest.DONE);
		assertThat(this.driver.certification().task(number, CertificateAudit.Elements.PLAN_AUDIT))
			.as("a downgrade the client asks for needs no audit")
			.isNull();
		assertThat(this.history.of(StatusHistory.Entity.CERTIFICATE, number)).last()
			.satisfies(c -> assertThat(c.reason()).contains("PCEC 12.3"));
	}

	@Test
	void shouldCancelNotWithdrawWhenTheClientsOwnSuspensionIsNotLifted_PCEC_12_3() {
		// PCEC 12.3: the client may ask to suspend, downgrade or cancel (注销); its own
		// suspension not lifted by the end of the period ends in 注销, not in 撤销 (the CB's
		// sanction for a breach, CertificateLifecycleProcessTest)
		String number = this.driver.certify(3, 0);
		this.driver.certification()
			.as("reviewer", () -> this.requests.suspend(number,
					new CertificateRequests.ReasonBody("获证组织申请暂停：停业装修", "CLIENT"), "reviewer"));
		this.driver.moveTo(LocalDate.of(2027, 3, 9));

		assertThat(this.certificates.get(number).status()).isEqualTo(CertificateStatus.CANCELLED);
		assertThat(this.driver.lifecycle(number)).as("the lifecycle ends with the certificate").isNull();
		assertThat(this.history.of(StatusHistory.Entity.CERTIFICATE, number)).last().satisfies(c -> {
			assertThat(c.toStatus()).isEqualTo("CANCELLED");
			assertThat(c.reason()).contains("PCEC 12.3");
		});
	}

	@Test
	void shouldExtendTheScopeWithOrWithoutAnAudit() {
		// R-EXT-1: added scope → review → on-site audit when needed → reissue with the
		// wider scope
		String number = this.driver.certify(3, 0);
		this.requests.change(number,
				new CertificateRequests.ChangeBody("EXTENSION", null, null, null, "01.08 家用电器维修", null, null),
				"reviewer");
		review(number, "ACCEPT", false);
		assertThat(this.certificates.get(number).scope()).endsWith("；01.08 家用电器维修");

		this.requests.change(number,
				new CertificateRequests.ChangeBody("EXTENSION", null, null, null, "01.09 安装服务", null, null),
				"reviewer");
		review(number, "ACCEPT", true);
		this.driver.plan(number);
		this.driver.audit(number, 0);
		this.driver.decide(number, CertificateAudit.APPROVE, null);
		assertThat(this.certificates.get(number).scope()).endsWith("；01.09 安装服务");
		assertThat(this.certificates.get(number).revision()).isEqualTo(3);
	}

	@Test
	void shouldRejectAChangeWithReasonsForTheClient() {
		// R-CHG-1, R-EXT-1: a change request not accepted; CHANGE_REJECTED tells the
		// holder the reviewer's reasons, written by the review
		String number = this.driver.certify(3, 0);
		long id = this.requests.change(number,
				new CertificateRequests.ChangeBody("EXTENSION", null, null, null, "99.99 无关", null, null), "reviewer");
		assertThatThrownBy(() -> this.driver.certification()
			.complete("reviewer", number, Elements.REVIEW_CHANGE_REQUEST,
					Map.of("changeReviewOutcome", "REJECT", "onsiteAuditNeeded", false)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("changeReviewNotes");
		this.driver.certification()
			.complete("reviewer", number, Elements.REVIEW_CHANGE_REQUEST, Map.of("changeReviewOutcome", "REJECT",
					"changeReviewNotes", "超出认证机构业务范围", "onsiteAuditNeeded", false));
		assertThat(this.requestRecords.get(id).status()).isEqualTo(CertificateRequest.REJECTED);
		assertThat(this.certificates.get(number).revision()).isEqualTo(1);
		assertThat(notice(number, NoticeKind.CHANGE_REJECTED).body()).contains("变更申请未被受理").contains("超出认证机构业务范围");
	}

	private ClientNotice notice(String number, NoticeKind kind) {
		return CertificateNotice.theOne(this.notices, number, kind);
	}

	@Test
	void shouldUpgradeOnlyAfterOneYearAndOnlyOnAHigherGrade() {
		// R-UPG-1: after one year → evaluation → reissue at the higher grade
		String number = this.driver.certify(3, 0);
		assertThatThrownBy(() -> this.requests.change(number,
				new CertificateRequests.ChangeBody("UPGRADE", null, null, null, null, 5, null), "reviewer"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("等待期") // UPGRADE_WAITING of the regulatory
											// clock
			.hasMessageContaining("最早 2027-03-10 起");
		assertThatThrownBy(() -> this.requests.change(number,
				new CertificateRequests.ChangeBody("UPGRADE", null, null, null, null, 3, null), "reviewer"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("requestedStars");

		this.driver.moveTo(LocalDate.of(2027, 1, 9));
		this.driver.surveil(number, 0, CertificateAudit.KEEP);
		this.driver.moveTo(LocalDate.of(2027, 3, 11));
		this.requests.change(number, new CertificateRequests.ChangeBody("UPGRADE", "申请五星级", null, null, null, 5, null),
				"reviewer");
		review(number, "ACCEPT", false);
		this.driver.plan(number);
		this.driver.audit(number, 3);
		this.driver.decide(number, CertificateAudit.APPROVE, null);

		Certificate certificate = this.certificates.get(number);
		assertThat(certificate.stars()).as("97 points: 五星级").isEqualTo(5);
		assertThat(certificate.grade()).isEqualTo("五星级");
		assertThat(this.certificates.revisions(number)).extracting(CertificateRevision::stars).containsExactly(3, 5);
	}

	@Test
	void shouldCancelCertificatesNotTransitionedByTheDeadline() {
		// R-CHG-1 (3): certificates not moved to the new rule by the CB's deadline are
		// cancelled
		String moved = this.driver.certify(3, 0);
		String stayed = this.driver.certify(3, 0);
		String rule = "ZCXH/XZ-19-2027 售后服务认证实施规则 A/0";
		int count = this.requests.setTransitionDeadline(
				new CertificateRequests.TransitionBody("PCEC", rule, "2026-09-30"), "quality",
				java.util.List.of(moved, stayed));
		assertThat(count).isEqualTo(2);
		this.requests.change(moved,
				new CertificateRequests.ChangeBody("TRANSITION", "按新规则评审", null, null, null, null, rule), "reviewer");
		review(moved, "ACCEPT", false);
		assertThat(this.certificates.get(moved).ruleDocument()).isEqualTo(rule);

		this.driver.moveTo(LocalDate.of(2026, 9, 30));

		assertThat(this.certificates.get(moved).status()).isEqualTo(CertificateStatus.VALID);
		assertThat(this.certificates.get(stayed).status()).isEqualTo(CertificateStatus.CANCELLED);
		assertThat(this.driver.lifecycle(stayed)).isNull();
		assertThat(this.history.of(StatusHistory.Entity.CERTIFICATE, stayed)).last()
			.satisfies(c -> assertThat(c.reason()).contains("R-CHG-1 (3)"));
	}

}
