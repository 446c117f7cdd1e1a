package cn.certflow.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.certflow.appeal.AppealCaseService;
import cn.certflow.application.CertificationDriver;
import cn.certflow.certificate.CertificateLifecycle.Elements;
import cn.certflow.surveillance.CertificateAudit;
import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 21 point 2, PCEC 10.2 "获证单位为再认证且获证期间未被投诉时，可减少监督频次" and ZHHT 3.2 (years 1 and 2):
 * fewer surveillances are a decision maker's choice at an approved recertification, with
 * a reason, never automatic, never for ZHHT, never after an upheld complaint in the cycle
 * — a complaint found groundless does not count against the client. The reduced cycle has
 * one surveillance (year 1), and says why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class SurveillanceReductionTest {

	static final LocalDate CERTIFIED = LocalDate.of(2026, 3, 10);

	static final Map<String, Object> REDUCE = Map.of("reduceSurveillance", true, "surveillanceReductionReason",
			"再认证，三年内无经查实的投诉，两次监督均无不符合项");

	@Autowired
	ProcessEngine engine;

	@Autowired
	LifecycleDriver driver;

	@Autowired
	CertificateService certificates;

	@Autowired
	AppealCaseService cases;

	@Autowired
	CertificateRequests requests;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		this.driver.moveTo(CERTIFIED);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	/**
	 * A certificate of the scheme through two surveillances to its open recertification
	 * decision.
	 */
	private String toRecertificationDecision(String schemeId) {
		String number = this.driver.certify(CertificationDriver.request(schemeId, 4, 120), 0);
		this.driver.moveTo(LocalDate.of(2027, 1, 9));
		this.driver.plan(number);
		this.driver.audit(number, schemeId, 0);
		this.driver.decide(number, CertificateAudit.KEEP, null);
		this.driver.moveTo(LocalDate.of(2027, 11, 10));
		this.driver.plan(number);
		this.driver.audit(number, schemeId, 0);
		this.driver.decide(number, CertificateAudit.KEEP, null);
		this.driver.moveTo(LocalDate.of(2028, 12, 10));
		this.driver.certification()
			.complete("reviewer", number, Elements.RECEIVE_RECERTIFICATION,
					Map.of("recertificationDecision", "APPLY", "changesDeclared", false));
		this.driver.plan(number);
		this.driver.audit(number, schemeId, 0);
		return number;
	}

	private Object surveillanceYears(String number) {
		return this.engine.getRuntimeService()
			.getVariable(this.driver.lifecycle(number).getId(), CertificateLifecycle.SURVEILLANCE_YEARS.getName());
	}

	private String frequencyRules(String number) {
		return (String) this.engine.getRuntimeService()
			.getVariable(this.driver.lifecycle(number).getId(),
					CertificateLifecycle.SURVEILLANCE_FREQUENCY_RULES.getName());
	}

	@Test
	@DisplayName("PCEC 10.2 可减少: a reduction needs a reason; a complaint found groundless does not bar it; the next cycle has one surveillance and says why")
	void shouldReduceOnlyByADecisionWithAReason_PCEC_10_2() {
		String number = toRecertificationDecision("PCEC");
		LocalDate expiry = this.certificates.get(number).expiresOn();
		String complaint = this.cases.receive(new AppealCaseService.CaseBody("COMPLAINT", number, null, "李四（消费者）",
				"维修不及时", "报修后五天无人上门", "lisi@example.com"), "reviewer");
		// the outcome as the case decision records it (the appeal-complaint process's
		// own tests walk that task): found groundless, nothing reported to the lifecycle
		this.jdbc.sql("update complaint_case set outcome = 'DISMISSED', status = 'DECIDED' where number = ?")
			.param(complaint)
			.update();

		assertThatThrownBy(() -> this.driver.decide(number, CertificateAudit.APPROVE, null,
				Map.of("reduceSurveillance", true, "surveillanceReductionReason", " ")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("surveillanceReductionReason")
			.hasMessageContaining("理由");
		assertThat(this.certificates.get(number).expiresOn()).as("nothing decided on a refused form").isEqualTo(expiry);

		this.driver.decide(number, CertificateAudit.APPROVE, null, REDUCE);

		assertThat(this.certificates.get(number).expiresOn()).isAfter(expiry);
		assertThat(surveillanceYears(number)).isEqualTo(List.of(1));
		assertThat(frequencyRules(number)).contains("PCEC 10.2", "两次监督均无不符合项");
	}

	@Test
	@DisplayName("PCEC 10.2 获证期间未被投诉: a complaint proven the client's fault in the cycle bars the reduction, naming it")
	void shouldNotReduceAfterAComplaintProvenTheClientsFault_PCEC_10_2() {
		String number = toRecertificationDecision("PCEC");
		LocalDate expiry = this.certificates.get(number).expiresOn();
		// what the appeal-complaint process reports when a complaint is upheld
		this.requests.reportEvent(number, new CertificateRequests.EventBody("SERIOUS_COMPLAINT_PROVEN",
				LocalDate.of(2028, 12, 1).toString(), "complaint CASE-2028-000042: 维修收费未明示"), "decider");

		assertThatThrownBy(() -> this.driver.decide(number, CertificateAudit.APPROVE, null, REDUCE))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("reduceSurveillance")
			.hasMessageContaining("CASE-2028-000042");
		assertThat(this.certificates.get(number).expiresOn()).as("nothing decided on a refused form").isEqualTo(expiry);

		this.driver.decide(number, CertificateAudit.APPROVE, null);
		assertThat(surveillanceYears(number)).isEqualTo(List.of(1, 2));
	}

	@Test
	@DisplayName("ZHHT 3.2 fixes the surveillances in years 1 and 2: no reduction, the full frequency stays")
	void shouldNeverReduceZhht_ZHHT_3_2() {
		String number = toRecertificationDecision("ZHHT");
		LocalDate expiry = this.certificates.get(number).expiresOn();

		assertThatThrownBy(() -> this.driver.decide(number, CertificateAudit.APPROVE, null, REDUCE))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("reduceSurveillance")
			.hasMessageContaining("ZHHT 3.2");
		assertThat(this.certificates.get(number).expiresOn()).isEqualTo(expiry);

		this.driver.decide(number, CertificateAudit.APPROVE, null);
		assertThat(surveillanceYears(number)).isEqualTo(List.of(1, 2));
	}

	@Test
	@DisplayName("PCEC 10.2: a reduction is a recertification's decision, not a surveillance's")
	void shouldRefuseAReductionOnASurveillanceDecision() {
		String number = this.driver.certify(4, 0);
		this.driver.moveTo(LocalDate.of(2027, 1, 9));
		this.driver.plan(number);
		this.driver.audit(number, 0);

		assertThatThrownBy(() -> this.driver.decide(number, CertificateAudit.KEEP, null, REDUCE))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("reduceSurveillance")
			.hasMessageContaining("只有批准再认证时");
	}

}
