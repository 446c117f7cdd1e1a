package cn.certflow.competence;

import static cn.certflow.application.InitialCertification.Elements.APPOINT_AUDIT_TEAM;
import static cn.certflow.application.InitialCertification.Elements.CERTIFICATION_DECISION;
import static cn.certflow.application.InitialCertification.Elements.PLAN_AUDIT;
import static cn.certflow.application.InitialCertification.Elements.REVIEW_DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.certflow.application.CertificationDriver;
import cn.certflow.security.Groups;
import cn.certflow.system.EngineTime;
import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * R-COMP-1 (PCEC 8.1 "具备相关专业能力的审查员", ZHHT 5.2.1 c "认证审查人员和认证决定人员的能力"): the document
 * reviewer, every audit team member and the decider hold a qualification valid on the day
 * for the application's scheme and technical area, or the engine refuses them (403 naming
 * the person and what is missing); the register is kept by quality managers and warns of
 * expiry; the accreditation file keeps the qualification each person held.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class CompetenceTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	CertificationDriver driver;

	@Autowired
	Qualifications qualifications;

	@Autowired
	IdentityService identity;

	@BeforeEach
	void setUp() {
		init(this.engine);
	}

	@Test
	@DisplayName("ZHHT 5.2.1 c, R-COMP-1: a decider without a decider's qualification for the scheme and area is refused (403)")
	void shouldRefuseADeciderWithoutAValidQualification() {
		String decider = person(Groups.DECISION_MAKERS);
		String number = this.driver.toDecision(CertificationDriver.request("PCEC", 3, 50), 0);
		assertThatThrownBy(() -> this.driver.claim(decider, number, CERTIFICATION_DECISION))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("R-COMP-1")
			.hasMessageContaining(decider)
			.hasMessageContaining("认证决定人员")
			.hasMessageContaining("PCEC")
			.hasMessageContaining("01.07");
		// another scheme's or an expired qualification does not count
		add(decider, "DECIDER", "ZHHT", "01", EngineTime.today().minusYears(1), EngineTime.today().plusYears(1));
		add(decider, "DECIDER", "PCEC", "01", EngineTime.today().minusYears(3), EngineTime.today().minusDays(1));
		assertThatThrownBy(() -> this.driver.complete(decider, number, CERTIFICATION_DECISION,
				Map.of("decisionOutcome", "CERTIFY")))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining(decider);
		assertThat(this.driver.task(number, CERTIFICATION_DECISION).getAssignee()).isNull();
		add(decider, "DECIDER", "PCEC", "01.07", EngineTime.today(), EngineTime.today());
		this.driver.claim(decider, number, CERTIFICATION_DECISION);
		this.driver.complete(decider, number, CERTIFICATION_DECISION, Map.of("decisionOutcome", "CERTIFY"));
		assertThat(this.qualifications.heldFor(number)).anySatisfy((h) -> {
			assertThat(h.step()).isEqualTo("DECISION");
			assertThat(h.person()).isEqualTo(decider);
			assertThat(h.qualification().technicalArea()).isEqualTo("01.07");
		});
	}

	@Test
	@DisplayName("PCEC 8.1, R-COMP-1, issue 19.5: the team is chosen from qualified people; an unqualified member is refused, nothing planned")
	void shouldRefuseAnUnqualifiedAuditTeamMember() {
		String auditor = person(Groups.AUDITORS);
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 50));
		this.driver.acceptApplication(number);
		this.driver.signContract(number);
		assertThatThrownBy(() -> this.driver.appointTeam(number, "lead", auditor))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining(auditor)
			.hasMessageContaining("审查员");
		assertThat(this.driver.instance(number)).isWaitingAt(APPOINT_AUDIT_TEAM);
		// issue 19.5: the plan form offers the qualified people only (select and
		// checklist
		// with valuesKey)
		String options = String.valueOf(this.engine.getTaskService()
			.getVariable(this.driver.task(number, APPOINT_AUDIT_TEAM).getId(), "qualifiedAuditors"));
		assertThat(options).contains("\"value\":\"auditor\"").contains("王芳（auditor）").doesNotContain(auditor);
		assertThat(String.valueOf(this.engine.getTaskService()
			.getVariable(this.driver.task(number, APPOINT_AUDIT_TEAM).getId(), "qualifiedLeadAuditors")))
			.contains("\"value\":\"lead\"")
			.doesNotContain("\"value\":\"auditor\"");
		add(auditor, "AUDITOR", "PCEC", "01.07", EngineTime.today(), EngineTime.today().plusYears(3));
		this.driver.reviewAndPlan(number, "lead", auditor);
		assertThat(this.qualifications.heldFor(number)).extracting(Qualification.Held::step, Qualification.Held::person)
			.contains(org.assertj.core.groups.Tuple.tuple("DOCUMENT_REVIEW", "lead"),
					org.assertj.core.groups.Tuple.tuple("AUDIT_TEAM", "lead"),
					org.assertj.core.groups.Tuple.tuple("AUDIT_TEAM", auditor));
	}

	@Test
	@DisplayName("PCEC 8.1 (\"安排审查组…由审查组组长和/或具备相关专业能力的审查员进行文件评审\"), R-COMP-1, issue 20.3: the document review is the audit team's, appointed before it; a reviewer outside the team is refused, and a team member whose qualification lapsed since the appointment is refused naming it")
	void shouldLeaveTheDocumentReviewToTheQualifiedAuditTeam_PCEC_8_1() {
		String reviewer = person(Groups.REVIEWERS);
		String auditor = person(Groups.AUDITORS);
		LocalDate today = EngineTime.today();
		add(auditor, "AUDITOR", "PCEC", "01.07", today.minusYears(1), today.plusDays(1));
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 50));
		this.driver.acceptApplication(number);
		this.driver.signContract(number);
		assertThat(this.driver.instance(number)).as("the team first").isWaitingAt(APPOINT_AUDIT_TEAM);
		this.driver.appointTeam(number, "lead", auditor);
		assertThat(this.driver.instance(number)).isWaitingAt(REVIEW_DOCUMENTS);
		assertThatThrownBy(() -> this.driver.complete(reviewer, number, REVIEW_DOCUMENTS,
				Map.of("documentReviewOutcome", "PASSED")))
			.isInstanceOf(AuthorizationException.class);
		ClockUtil.setCurrentTime(
				java.util.Date.from(ClockUtil.getCurrentTime().toInstant().plus(java.time.Duration.ofDays(2))));
		try {
			assertThatThrownBy(() -> this.driver.complete(auditor, number, REVIEW_DOCUMENTS,
					Map.of("documentReviewOutcome", "PASSED")))
				.isInstanceOf(AuthorizationException.class)
				.hasMessageContaining(auditor)
				.hasMessageContaining("文件评审人员");
			assertThat(this.driver.instance(number)).isWaitingAt(REVIEW_DOCUMENTS);
			this.driver.complete("lead", number, REVIEW_DOCUMENTS, Map.of("documentReviewOutcome", "PASSED"));
			assertThat(this.driver.instance(number)).as("R-DOC-1: the on-site audit is planned once they pass")
				.isWaitingAt(PLAN_AUDIT);
		}
		finally {
			ClockUtil.reset();
		}
	}

	@Test
	@DisplayName("R-COMP-1: qualifications ending within 30, 60 and 90 days are shown to quality managers")
	void shouldListQualificationsExpiringWithinNinetyDays() {
		String auditor = person(Groups.AUDITORS);
		LocalDate today = EngineTime.today();
		add(auditor, "AUDITOR", "PCEC", "02.01", today.minusYears(1), today.plusDays(30));
		add(auditor, "AUDITOR", "ZHHT", "02.01", today.minusYears(1), today.plusDays(31));
		add(auditor, "AUDITOR", "CQM", "02.01", today.minusYears(1), today.plusDays(90));
		add(auditor, "LEAD_AUDITOR", "CQM", "02.01", today.minusYears(1), today.plusDays(91));
		assertThat(this.qualifications.expiring()
			.stream()
			.filter((e) -> e.qualification().userId().equals(auditor))
			.map((e) -> e.qualification().schemeId() + " " + e.withinDays())
			.toList()).containsExactly("PCEC 30", "ZHHT 60", "CQM 90");
	}

	@Test
	@DisplayName("R-COMP-1: a bad qualification is refused naming each field, and nothing is added")
	void shouldRefuseABadQualificationNamingEachField() {
		int before = this.qualifications.all().size();
		assertThatThrownBy(() -> this.qualifications
			.add(new Qualification.Request("nobody-here", "BOSS", "XYZ", "1.7", "2026-13-01", "", " "), "quality"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("userId")
			.hasMessageContaining("role")
			.hasMessageContaining("schemeId")
			.hasMessageContaining("technicalArea")
			.hasMessageContaining("validFrom")
			.hasMessageContaining("validUntil")
			.hasMessageContaining("evidence");
		assertThatThrownBy(() -> this.qualifications.add(
				new Qualification.Request("auditor", "AUDITOR", "PCEC", "01", "2026-02-01", "2026-01-01", "证书"),
				"quality"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("validUntil");
		assertThat(this.qualifications.all()).hasSize(before);
	}

	private void add(String user, String role, String scheme, String area, LocalDate from, LocalDate until) {
		this.qualifications.add(
				new Qualification.Request(user, role, scheme, area, from.toString(), until.toString(), "测试：资格证书"),
				"quality");
	}

	private String person(String group) {
		String id = "comp" + ThreadLocalRandom.current().nextInt(1_000_000);
		this.identity.saveUser(this.identity.newUser(id));
		this.identity.createMembership(id, group);
		return id;
	}

}
