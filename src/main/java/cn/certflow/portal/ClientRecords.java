package cn.certflow.portal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cn.certflow.appeal.AppealCaseService;
import cn.certflow.appeal.CaseRecord;
import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.audit.ClientCorrectiveActions;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateRequest;
import cn.certflow.certificate.CertificateRequests;
import cn.certflow.certificate.CertificateRevision;
import cn.certflow.certificate.CertificateService;
import cn.certflow.document.DocumentContent;
import cn.certflow.document.DocumentInfo;
import cn.certflow.document.DocumentOwner;
import cn.certflow.document.DocumentType;
import cn.certflow.document.Documents;
import cn.certflow.notification.ClientNotice;
import cn.certflow.notification.Notices;
import cn.certflow.system.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The one service that answers "the current client's X" (issue 18) for the portal pages
 * and the client API: applications, certificates with their revisions and requests,
 * notices, documents of an owner, timelines. Every method takes the signed-in
 * {@link ClientAccount} and answers only about its client (by unified social credit
 * code). Another client's number or id is answered exactly like one that does not exist:
 * {@link NotFoundException} with the same field and the same message, so a caller cannot
 * tell the two apart.
 */
@Service
public class ClientRecords {

	private final ApplicationService applications;

	private final CertificateService certificates;

	private final CertificateRequests requests;

	private final AppealCaseService cases;

	private final Notices notices;

	private final Documents documents;

	private final ClientTimeline timeline;

	private final ClientCorrectiveActions correctiveActions;

	ClientRecords(ApplicationService applications, CertificateService certificates, CertificateRequests requests,
			AppealCaseService cases, Notices notices, Documents documents, ClientTimeline timeline,
			ClientCorrectiveActions correctiveActions) {
		this.correctiveActions = correctiveActions;
		this.applications = applications;
		this.certificates = certificates;
		this.requests = requests;
		this.cases = cases;
		this.notices = notices;
		this.documents = documents;
		this.timeline = timeline;
	}

	/** The client's applications, newest first. */
	public List<ApplicationRecord> applications(ClientAccount client) {
		return this.applications.ofClient(creditCode(client));
	}

	/**
	 * The client's application with this number; 404 (field {@code number}) otherwise.
	 */
	public ApplicationRecord application(ClientAccount client, String number) {
		return findApplication(client, number).orElseThrow(() -> missing("number", "申请", number));
	}

	/** The client's certificates, whatever their status, by number. */
	public List<Certificate> certificates(ClientAccount client) {
		return this.certificates.ofHolder(creditCode(client));
	}

	/**
	 * The client's certificate with this number; 404 (field {@code number}) otherwise.
	 */
	public Certificate certificate(ClientAccount client, String number) {
		return findCertificate(client, number).orElseThrow(() -> missing("number", "证书", number));
	}

	/**
	 * Every version of the client's certificate, oldest first; 404 as
	 * {@link #certificate}.
	 */
	public List<CertificateRevision> revisions(ClientAccount client, String number) {
		return this.certificates.revisions(certificate(client, number).number());
	}

	/**
	 * The requests (change, extension, suspension…) about the client's certificate,
	 * oldest first.
	 */
	public List<CertificateRequest> requests(ClientAccount client, String certificateNumber) {
		return this.requests.of(certificate(client, certificateNumber).number());
	}

	/**
	 * The client's own appeals and complaints about its certificate, oldest first,
	 * whether filed in the portal or by staff on its behalf. A third party's complaint
	 * about the client is not listed: the complainant is told the outcome, and its
	 * identity stays with the certification body.
	 */
	public List<CaseRecord> cases(ClientAccount client, String certificateNumber) {
		return this.cases.ofCertificate(certificate(client, certificateNumber).number())
			.stream()
			.filter((c) -> "APPEAL".equals(c.kind()) || Objects.equals(c.complainant(), client.clientName()))
			.toList();
	}

	/** The client's inbox: every notice the certification body sent it, newest first. */
	public List<ClientNotice> notices(ClientAccount client) {
		return this.notices.forClient(creditCode(client));
	}

	/** One notice of the client's inbox; 404 (field {@code id}) otherwise. */
	public ClientNotice notice(ClientAccount client, long id) {
		return notices(client).stream()
			.filter(n -> n.id() == id)
			.findFirst()
			.orElseThrow(() -> missing("id", "通知", String.valueOf(id)));
	}

	/**
	 * The owner if it is the client's (its application, certificate, a request about its
	 * certificate, its appeal or complaint, a nonconformity of its audit); 404 (field
	 * {@code owner}) otherwise.
	 */
	public DocumentOwner owner(ClientAccount client, DocumentOwner owner) {
		if (!owns(client, owner)) {
			throw missing("owner", owner.kind().word(), owner.key());
		}
		return owner;
	}

	/** The documents of the client's owner, oldest first. */
	public List<DocumentInfo> documents(ClientAccount client, DocumentOwner owner) {
		return this.documents.list(owner(client, owner));
	}

	/**
	 * The mandatory document types the client's owner still lacks and the client itself
	 * submits (PCEC 6.2 for an application); not the ones the CB keeps, such as the
	 * credit-check screenshot (R-CRED-1), which the client cannot upload.
	 */
	public List<DocumentType> missingDocuments(ClientAccount client, DocumentOwner owner) {
		return this.documents.missingMandatory(owner(client, owner))
			.stream()
			.filter(DocumentType::fromApplicant)
			.toList();
	}

	/**
	 * A document of any of the client's owners, with its bytes; 404 (field {@code id})
	 * for a document that does not exist or is another client's.
	 */
	public DocumentContent document(ClientAccount client, long id) {
		return this.documents.find(id)
			.filter(d -> owns(client, d.owner()))
			.orElseThrow(() -> missing("id", "文件", String.valueOf(id)));
	}

	/** What happened to the client's application, oldest first, in plain Chinese. */
	public List<TimelineEntry> applicationTimeline(ClientAccount client, String number) {
		return this.timeline.ofApplication(application(client, number));
	}

	/** What happened to the client's certificate, oldest first, in plain Chinese. */
	public List<TimelineEntry> certificateTimeline(ClientAccount client, String number) {
		Certificate certificate = certificate(client, number);
		return this.timeline.ofCertificate(certificate, this.requests.of(certificate.number()));
	}

	/** Whether the owner is one of the client's. */
	public boolean owns(ClientAccount client, DocumentOwner owner) {
		return switch (owner.kind()) {
			case APPLICATION -> findApplication(client, owner.key()).isPresent();
			case CERTIFICATE -> findCertificate(client, owner.key()).isPresent();
			case REQUEST -> findRequest(owner.key()).map(CertificateRequest::certificateNumber)
				.flatMap(n -> findCertificate(client, n))
				.isPresent();
			case CASE -> findCase(owner.key()).filter(c -> findCertificate(client, c.certificateNumber()).isPresent()
					|| findApplication(client, c.applicationNumber()).isPresent())
				.isPresent();
			// the corrective actions of its own audits' nonconformities (issue 18.3)
			case CORRECTIVE_ACTION ->
				this.correctiveActions.applicationOf(owner.key()).flatMap(n -> findApplication(client, n)).isPresent();
		};
	}

	private Optional<ApplicationRecord> findApplication(ClientAccount client, String number) {
		if (number == null || number.isBlank()) {
			return Optional.empty();
		}
		return applications(client).stream().filter(a -> a.number().equals(number)).findFirst();
	}

	private Optional<Certificate> findCertificate(ClientAccount client, String number) {
		if (number == null || number.isBlank()) {
			return Optional.empty();
		}
		return certificates(client).stream().filter(c -> c.number().equals(number)).findFirst();
	}

	private Optional<CertificateRequest> findRequest(String id) {
		try {
			return Optional.of(this.requests.get(Long.parseLong(id)));
		}
		catch (NumberFormatException | NotFoundException ex) {
			return Optional.empty();
		}
	}

	private Optional<CaseRecord> findCase(String number) {
		try {
			return Optional.of(this.cases.get(number));
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	private static String creditCode(ClientAccount client) {
		return Objects.requireNonNull(client, "a client account").creditCode();
	}

	/** The same answer for a record that does not exist and for another client's. */
	private static NotFoundException missing(String field, String what, String key) {
		return new NotFoundException(field, "没有编号为 " + key + " 的" + what);
	}

}
