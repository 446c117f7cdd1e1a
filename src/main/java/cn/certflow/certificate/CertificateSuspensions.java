package cn.certflow.certificate;

import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * Suspending and lifting a certificate when more than one cause may hold at once
 * (R-SUS-1, PCEC 12.3): a certificate suspended at the client's request whose
 * surveillance then misses its latest date, or one suspended by the CB twice. Each cause
 * runs its own {@code certificate-suspension} with its own verification and its own time
 * limit. A further cause on a suspended certificate keeps it suspended, is written in its
 * history and told to the client; the certificate is valid again only when the last open
 * cause is cleared.
 */
@Service
class CertificateSuspensions {

	private final CertificateService certificates;

	private final StatusHistory history;

	private final CertificateNotices notices;

	private final RuntimeService runtime;

	CertificateSuspensions(CertificateService certificates, StatusHistory history, CertificateNotices notices,
			RuntimeService runtime) {
		this.certificates = certificates;
		this.history = history;
		this.notices = notices;
		this.runtime = runtime;
	}

	/** Suspends the certificate, or adds this cause to a suspension already in force. */
	void suspend(String number, String by, String reason, StatusHistory.Process process) {
		Certificate current = this.certificates.get(number);
		if (current.status() != CertificateStatus.SUSPENDED) {
			this.certificates.changeStatus(number, CertificateStatus.SUSPENDED, by, reason, process);
			return;
		}
		this.history.record(StatusHistory.Entity.CERTIFICATE, number, current.status().name(),
				CertificateStatus.SUSPENDED.name(), by, "另一暂停原因（证书已在暂停中）: " + reason, process);
		this.notices.statusChanged(current, CertificateStatus.SUSPENDED, reason, by);
	}

	/**
	 * Lifts this cause: the certificate is valid again unless another suspension of it is
	 * still open, in which case it stays suspended and the cleared cause is recorded.
	 */
	void lift(String number, String by, String reason, StatusHistory.Process process) {
		if (otherCausesOpen(number, process.instanceId())) {
			this.history.record(StatusHistory.Entity.CERTIFICATE, number, CertificateStatus.SUSPENDED.name(),
					CertificateStatus.SUSPENDED.name(), by, "此项暂停原因已消除，另有暂停原因未消除，证书仍暂停: " + reason, process);
			return;
		}
		this.certificates.changeStatus(number, CertificateStatus.VALID, by, reason, process);
	}

	private boolean otherCausesOpen(String number, String suspensionInstanceId) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(CertificateSuspension.KEY)
			.processInstanceBusinessKey(number)
			.list()
			.stream()
			.anyMatch(instance -> !instance.getId().equals(suspensionInstanceId));
	}

}
