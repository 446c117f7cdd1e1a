package cn.certflow.certificate;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.audit.AuditService;
import cn.certflow.security.Participation;
import cn.certflow.system.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who took part in an application and the certificates issued on it, one dossier for both
 * (issue 15.4): the processes are the application's own (business key = application
 * number, its on-site audits included) and each certificate's lifecycle with its
 * surveillance, recertification, change and special audits and suspensions (business key
 * = certificate number); the audit teams are those of every audit of the application.
 * Here because this package is the one that knows applications, audits and certificates.
 */
@Component
class CertificationParticipation implements Participation {

	private final ApplicationService applications;

	private final CertificateRepository certificates;

	private final AuditService audits;

	CertificationParticipation(ApplicationService applications, CertificateRepository certificates,
			AuditService audits) {
		this.applications = applications;
		this.certificates = certificates;
		this.audits = audits;
	}

	@Override
	public Optional<Participants> of(Kind kind, String number) {
		return switch (kind) {
			case APPLICATION -> application(number).map(this::participants);
			case CERTIFICATE ->
				this.certificates.find(number).map(c -> participants(this.applications.byId(c.applicationId())));
			default -> Optional.empty();
		};
	}

	private Optional<ApplicationRecord> application(String number) {
		try {
			return Optional.of(this.applications.get(number));
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	private Participants participants(ApplicationRecord application) {
		Set<String> keys = new LinkedHashSet<>();
		keys.add(application.number());
		keys.addAll(this.certificates.numbersOfApplication(application.id()));
		return new Participants(keys, this.audits.auditorsOf(application.id()));
	}

}
