package cn.certflow.certificate;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.system.AsEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts a certificate's {@code certificate-lifecycle} in the transaction that issues it.
 * The decision maker who issued it need not be allowed to start processes in Camunda: the
 * engine starts it on the decision's behalf.
 */
@Component
class CertificateLifecycleStarter {

	private final RuntimeService runtime;

	private final AsEngine asEngine;

	CertificateLifecycleStarter(RuntimeService runtime, AsEngine asEngine) {
		this.runtime = runtime;
		this.asEngine = asEngine;
	}

	void start(Certificate certificate, ApplicationRecord application) {
		this.asEngine.run(() -> this.runtime.createProcessInstanceByKey(CertificateLifecycle.KEY)
			.businessKey(certificate.number())
			.setVariables(CamundaVariables.of(certificate, application))
			.execute());
	}

	/**
	 * The lifecycle's start variables. The client name is a copy for task titles and the
	 * audits the lifecycle calls; {@link HolderNameListener} reads it again from the
	 * certificate after every change.
	 */
	static final class CamundaVariables {

		static org.camunda.bpm.engine.variable.VariableMap of(Certificate certificate, ApplicationRecord application) {
			return io.holunda.camunda.bpm.data.CamundaBpmData.builder()
				.set(CertificateLifecycle.CERTIFICATE_NUMBER, certificate.number())
				.set(CertificateLifecycle.APPLICATION_NUMBER, application.number())
				.set(CertificateLifecycle.SCHEME_ID, certificate.scheme())
				.set(CertificateLifecycle.CLIENT_NAME, certificate.holderName())
				.set(CertificateLifecycle.CERTIFIED_STARS, certificate.stars())
				.set(CertificateLifecycle.CERTIFIED_GRADE, certificate.grade())
				.set(CertificateLifecycle.RENEWED, false)
				.build();
		}

		private CamundaVariables() {
		}

	}

}
