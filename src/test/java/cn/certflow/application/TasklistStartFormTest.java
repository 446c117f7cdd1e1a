package cn.certflow.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * R-APP-1 through Tasklist's start form: the values arrive as the form submits them
 * (numbers as Long, the document checklist as a JSON array); a bad value is refused
 * naming the field, and nothing is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class TasklistStartFormTest {

	@Autowired
	FormService forms;

	@Autowired
	RepositoryService repository;

	@Autowired
	CertificationDriver driver;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldRegisterAnApplicationSubmittedThroughTheStartForm() {
		ProcessInstance instance = submit(startForm(CertificationDriver.newCreditCode(), 120L));
		String number = instance.getBusinessKey();
		assertThat(number).matches("APP-\\d{4}-\\d{6}");
		assertThat(this.jdbc.sql("select scheme from application where number = ?")
			.param(number)
			.query(String.class)
			.single()).isEqualTo("ZHHT");
		assertThat(this.jdbc.sql("select declared_documents from application where number = ?")
			.param(number)
			.query(String.class)
			.single()).contains("APPLICATION_FORM", "SERVICE_BLUEPRINT"); // ZHHT 5.1
		assertThat(this.driver.task(number, InitialCertification.Elements.REVIEW_APPLICATION)).isNotNull();
	}

	@Test
	void shouldRefuseABadStartFormNamingTheFieldAndWriteNothing() {
		int before = this.jdbc.sql("select count(*) from application").query(Integer.class).single();
		String badCode = "91120106MA05N0000X";
		assertThatThrownBy(() -> submit(startForm(badCode, 0L))).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("creditCode")
			.hasMessageContaining("headcount");
		assertThat(this.jdbc.sql("select count(*) from application").query(Integer.class).single()).isEqualTo(before);
	}

	private ProcessInstance submit(Map<String, Object> values) {
		String definitionId = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(InitialCertification.KEY)
			.latestVersion()
			.singleResult()
			.getId();
		ProcessInstance[] started = new ProcessInstance[1];
		this.driver.as("reviewer", () -> started[0] = this.forms.submitStartForm(definitionId, values));
		return started[0];
	}

	private static Map<String, Object> startForm(String creditCode, long headcount) {
		Map<String, Object> values = new HashMap<>();
		values.put("clientName", "天津某某售后服务有限公司");
		values.put("clientAddress", "天津市河北区");
		values.put("creditCode", creditCode);
		values.put("legalStatus", "有限责任公司");
		values.put("schemeId", "ZHHT");
		values.put("requestedStars", 3L);
		values.put("technicalArea", "01.07");
		values.put("categories", "机械和设备制造业服务，其他制造业服务");
		values.put("sites", "天津市河北区中山路1号\n天津市南开区");
		values.put("headcount", headcount);
		values.put("declaredDocuments", SpinValues
			.jsonValue("[\"APPLICATION_FORM\",\"BUSINESS_LICENSE\",\"COMPANY_PROFILE\","
					+ "\"SERVICE_MANAGEMENT_DOCUMENTS\",\"SERVICE_MANUAL\",\"CERTIFICATION_SCOPE\",\"SERVICE_BLUEPRINT\"]")
			.create());
		return values;
	}

}
