package cn.certflow.application;

import static cn.certflow.application.InitialCertification.Elements.REVIEW_APPLICATION;
import static cn.certflow.application.InitialCertification.Elements.SIGN_CONTRACT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.document.DocumentType;
import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application review against the clauses (issue 20 points 1 and 13): R-CRED-1 (PCEC
 * 7.1, ZHHT 5.2.1 a) credit-information lookups recorded and enforced; R-APP-1 (ZHHT 5.1)
 * the ZHHT scheme's own document list beside PCEC 6.2's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class CreditCheckTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	CertificationDriver driver;

	@Autowired
	CreditChecks creditChecks;

	@BeforeEach
	void setUp() {
		init(this.engine);
	}

	@Test
	@DisplayName("ZHHT 5.2.1 a, R-CRED-1: a client on the 经营异常名录 or the 严重违法失信名单 cannot be accepted")
	void shouldNotAcceptAListedClient() {
		String number = submittedWithDocuments("PCEC");
		assertThatThrownBy(() -> accept(number, Map.of("creditAbnormalList", "LISTED")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("creditAbnormalList")
			.hasMessageContaining("经营异常名录");
		assertThatThrownBy(() -> accept(number, Map.of("creditSeriousList", "LISTED")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("creditSeriousList");
		// nothing changed: the refused reviews recorded no lookup
		assertThat(this.creditChecks.list(number)).isEmpty();
		assertThat(this.driver.instance(number)).isWaitingAt(REVIEW_APPLICATION);
	}

	@Test
	@DisplayName("ZHHT 5.2.1 a, R-CRED-1: an administrative penalty needs the proof that it was cleared (处罚已消除)")
	void shouldAcceptAPenalisedClientOnlyWithTheProofOfClearance() {
		String number = submittedWithDocuments("PCEC");
		assertThatThrownBy(() -> accept(number, Map.of("creditPenalty", "PENALTY_OPEN")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("creditPenalty")
			.hasMessageContaining("处罚已消除");
		assertThatThrownBy(() -> accept(number, Map.of("creditPenalty", "PENALTY_CLEARED")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("PENALTY_CLEARANCE_PROOF");
		this.driver.upload(number, DocumentType.PENALTY_CLEARANCE_PROOF);
		accept(number, Map.of("creditPenalty", "PENALTY_CLEARED"));
		assertThat(this.driver.instance(number)).isWaitingAt(SIGN_CONTRACT);
		List<CreditCheck> checks = this.creditChecks.list(number);
		assertThat(checks).extracting(CreditCheck::kind, CreditCheck::result)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(CreditCheckKind.ADMINISTRATIVE_PENALTY,
							CreditCheckResult.PENALTY_CLEARED),
					org.assertj.core.groups.Tuple.tuple(CreditCheckKind.ABNORMAL_OPERATION_LIST,
							CreditCheckResult.CLEAR),
					org.assertj.core.groups.Tuple.tuple(CreditCheckKind.SERIOUS_VIOLATION_LIST,
							CreditCheckResult.CLEAR));
		assertThat(checks).allSatisfy((c) -> {
			assertThat(c.lookedUp()).contains("国家企业信用信息公示系统");
			assertThat(c.recordedBy()).isEqualTo("reviewer");
			assertThat(c.checkedOn()).isNotNull();
		});
	}

	@Test
	@DisplayName("PCEC 7.1, ZHHT 5.2.1 a, R-CRED-1: no acceptance without the lookups recorded and the screenshot kept")
	void shouldNotAcceptWithoutTheLookupsAndTheirScreenshot() {
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 50));
		for (DocumentType type : DocumentType.values()) {
			if (type.mandatoryFor("PCEC") && type != DocumentType.CREDIT_CHECK_SCREENSHOT) {
				this.driver.upload(number, type);
			}
		}
		assertThatThrownBy(() -> this.driver.complete("reviewer", number, REVIEW_APPLICATION,
				CertificationDriver.acceptance(Map.of())))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("CREDIT_CHECK_SCREENSHOT");
		this.driver.upload(number, DocumentType.CREDIT_CHECK_SCREENSHOT);
		assertThatThrownBy(
				() -> this.driver.complete("reviewer", number, REVIEW_APPLICATION, Map.of("reviewOutcome", "ACCEPT")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("creditPenalty")
			.hasMessageContaining("creditAbnormalList")
			.hasMessageContaining("creditSeriousList");
		// lookups recorded through the API beforehand count as well
		this.driver.as("reviewer",
				() -> this.creditChecks.record(number,
						List.of(new CreditCheck.Entry("ADMINISTRATIVE_PENALTY", "信用中国", "CLEAR", "2026-01-05"),
								new CreditCheck.Entry("ABNORMAL_OPERATION_LIST", "国家企业信用信息公示系统", "CLEAR", "2026-01-05"),
								new CreditCheck.Entry("SERIOUS_VIOLATION_LIST", "国家企业信用信息公示系统", "CLEAR", "2026-01-05")),
						"reviewer"));
		this.driver.complete("reviewer", number, REVIEW_APPLICATION, Map.of("reviewOutcome", "ACCEPT"));
		assertThat(this.driver.instance(number)).isWaitingAt(SIGN_CONTRACT);
	}

	@Test
	@DisplayName("ZHHT 5.1, R-APP-1: a ZHHT application needs ZHHT's own documents (售后服务手册, 服务蓝图…), not PCEC 6.2's")
	void shouldAcceptAZhhtApplicationOnZhhtsOwnDocumentList() {
		String number = this.driver.submit(CertificationDriver.request("ZHHT", 3, 50));
		for (DocumentType type : DocumentType.values()) {
			if (type.mandatoryFor("PCEC")) {
				this.driver.upload(number, type);
			}
		}
		assertThatThrownBy(() -> accept(number, Map.of())).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("SERVICE_MANUAL")
			.hasMessageContaining("CERTIFICATION_SCOPE")
			.hasMessageContaining("SERVICE_BLUEPRINT")
			.hasMessageNotContaining("INTERNAL_AUDIT_REPORT");
		this.driver.upload(number, DocumentType.SERVICE_MANUAL);
		this.driver.upload(number, DocumentType.CERTIFICATION_SCOPE);
		this.driver.upload(number, DocumentType.SERVICE_BLUEPRINT);
		accept(number, Map.of());
		assertThat(this.driver.instance(number)).isWaitingAt(SIGN_CONTRACT);
		// and a PCEC application does not need the ZHHT-only documents
		String pcec = this.driver.submit(CertificationDriver.request("PCEC", 3, 50));
		for (DocumentType type : DocumentType.values()) {
			if (type.mandatoryFor("PCEC")) {
				this.driver.upload(pcec, type);
			}
		}
		accept(pcec, Map.of());
		assertThat(this.driver.instance(pcec)).isWaitingAt(SIGN_CONTRACT);
	}

	@Test
	@DisplayName("R-CRED-1: a bad lookup is refused naming the field, and nothing is recorded")
	void shouldRefuseABadLookupNamingTheField() {
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 50));
		assertThatThrownBy(() -> this.creditChecks.record(number,
				List.of(new CreditCheck.Entry("ADMINISTRATIVE_PENALTY", "信用中国", "CLEAR", "2026-01-05"),
						new CreditCheck.Entry("ABNORMAL_OPERATION_LIST", "信用中国", "PENALTY_OPEN", "2026-01-05")),
				"reviewer"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("result");
		assertThatThrownBy(() -> this.creditChecks.record(number,
				List.of(new CreditCheck.Entry("NO_SUCH_LIST", " ", "CLEAR", "2099-01-01")), "reviewer"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("kind")
			.hasMessageContaining("lookedUp")
			.hasMessageContaining("checkedOn");
		assertThat(this.creditChecks.list(number)).isEmpty();
	}

	private String submittedWithDocuments(String schemeId) {
		String number = this.driver.submit(CertificationDriver.request(schemeId, 3, 50));
		this.driver.uploadMandatoryDocuments(number);
		return number;
	}

	private void accept(String number, Map<String, Object> credit) {
		Map<String, Object> values = new HashMap<>(credit);
		this.driver.complete("reviewer", number, REVIEW_APPLICATION, CertificationDriver.acceptance(values));
	}

}
