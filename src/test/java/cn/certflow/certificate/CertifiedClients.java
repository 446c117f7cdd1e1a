package cn.certflow.certificate;

import java.util.Map;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;

/**
 * Test helper: clients certified through the whole initial certification, as the staff
 * roles do it.
 */
@Component
public class CertifiedClients {

	private final CertificationDriver driver;

	private final HistoryService history;

	private final CertificateService certificates;

	CertifiedClients(CertificationDriver driver, HistoryService history, CertificateService certificates) {
		this.driver = driver;
		this.history = history;
		this.certificates = certificates;
	}

	/**
	 * Certified by {@code decider} after an audit by lead + auditor with no
	 * nonconformity.
	 */
	public Certificate certify(ApplicationRequest request, int pointsLost) {
		String application = this.driver.toDecision(request, pointsLost);
		return decide(application);
	}

	/**
	 * The decider certifies the application waiting at the decision; the certificate
	 * issued.
	 */
	public Certificate decide(String application) {
		String processInstanceId = this.driver.instance(application).getId();
		this.driver.complete("decider", application, InitialCertification.Elements.CERTIFICATION_DECISION,
				Map.of(InitialCertification.DECISION_OUTCOME.getName(), "CERTIFY"));
		return this.certificates.get(certificateNumber(processInstanceId));
	}

	public String certificateNumber(String processInstanceId) {
		return (String) this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId)
			.variableName(CertificateVariables.CERTIFICATE_NUMBER.getName())
			.singleResult()
			.getValue();
	}

}
