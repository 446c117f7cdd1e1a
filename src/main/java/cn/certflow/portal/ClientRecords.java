package cn.certflow.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.ApplicationService;
import cn.certflow.application.DocumentRepository.DocumentContent;
import cn.certflow.application.DocumentRepository.DocumentInfo;
import cn.certflow.application.DocumentService;
import cn.certflow.application.DocumentType;
import cn.certflow.audit.AuditService;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateDocument;
import cn.certflow.certificate.CertificateRevision;
import cn.certflow.certificate.CertificateService;
import cn.certflow.notification.ClientNotice;
import cn.certflow.notification.ClientNoticeService;
import cn.certflow.security.Groups;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.NotFoundException;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's own records, and nothing else (issue 18): every read and write of the portal
 * and of {@code /api/client} goes through here with the caller's account. A number or id
 * of another client's record is answered exactly as one that does not exist (404), so
 * that trying numbers reveals nothing. Writes go through the owning packages' services,
 * with the same checks and messages as the staff API.
 */
@Service
class ClientRecords {

	/** A notice with the application it concerns. */
	record Notice(long id, String applicationNumber, String kind, String title, String body, String createdAt,
			String delivery) {

		static Notice of(ClientNotice notice) {
			return new Notice(notice.id(), notice.applicationNumber(), notice.kind(), PlainWords.notice(notice.kind()),
					notice.body(), PlainWords.time(notice.createdAt()),
					(notice.delivery() != null) ? notice.delivery().name() : null);
		}

	}

	/** One line of a timeline. */
	record Step(String when, String what, String note) {
	}

	private final ApplicationService applications;

	private final DocumentService documents;

	private final CertificateService certificates;

	private final CertificateDocument certificateDocument;

	private final ClientNoticeService notices;

	private final StatusHistory history;

	private final IdentityService identity;

	private final AuditService audits;

	ClientRecords(ApplicationService applications, DocumentService documents, CertificateService certificates,
			CertificateDocument certificateDocument, ClientNoticeService notices, StatusHistory history,
			IdentityService identity, AuditService audits) {
		this.applications = applications;
		this.documents = documents;
		this.certificates = certificates;
		this.certificateDocument = certificateDocument;
		this.notices = notices;
		this.history = history;
		this.identity = identity;
		this.audits = audits;
	}

	List<ApplicationRecord> applications(ClientAccount account) {
		return this.applications.ofClient(account.creditCode());
	}

	/** The client's application; 404 (as for no such number) when it is another's. */
	ApplicationRecord application(ClientAccount account, String number) {
		return applications(account).stream()
			.filter(a -> a.number().equals(number))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("number", "没有编号为 " + number + " 的申请"));
	}

	/** The nonconformities raised at the application's audits, with open or closed. */
	List<String> nonconformities(ClientAccount account, String number) {
		return this.audits.nonconformitiesOfApplication(application(account, number).id());
	}

	List<DocumentInfo> documents(ClientAccount account, String number) {
		return this.documents.list(application(account, number).number());
	}

	/** Mandatory document types (PCEC 6.2) of which nothing is uploaded yet. */
	List<DocumentType> missingDocuments(ClientAccount account, String number) {
		Set<DocumentType> uploaded = EnumSet.noneOf(DocumentType.class);
		documents(account, number).forEach(d -> uploaded.add(d.type()));
		return EnumSet.allOf(DocumentType.class)
			.stream()
			.filter(DocumentType::mandatory)
			.filter(t -> !uploaded.contains(t))
			.toList();
	}

	/**
	 * A document of one of the client's applications (PCEC 6.2). A file name with a path
	 * or control characters is refused (staff uploads clean such a name instead); the
	 * bytes must be of an accepted format and agree with the declared type
	 * (DocumentService).
	 */
	@Transactional
	DocumentInfo upload(ClientAccount account, String number, String type, String fileName, String contentType,
			byte[] content) {
		if (fileName != null && (fileName.contains("/") || fileName.contains("\\")
				|| fileName.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL))) {
			throw new InvalidInputException("file", "文件名不得包含路径分隔符（/ \\）或控制字符");
		}
		return this.documents.upload(application(account, number).number(), type, fileName, contentType, content,
				account.userId());
	}

	/** A document of one of the client's applications; 404 otherwise. */
	DocumentContent document(ClientAccount account, long id) {
		for (ApplicationRecord application : applications(account)) {
			if (this.documents.list(application.number()).stream().anyMatch(d -> d.id() == id)) {
				return this.documents.download(application.number(), id);
			}
		}
		throw new NotFoundException("id", "没有编号为 " + id + " 的文件");
	}

	List<Certificate> certificates(ClientAccount account) {
		return this.certificates.numbersOf(account.creditCode()).stream().map(this.certificates::get).toList();
	}

	/** The client's certificate; 404 (as for no such number) when it is another's. */
	Certificate certificate(ClientAccount account, String number) {
		return certificates(account).stream()
			.filter(c -> c.number().equals(number))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("number", "没有编号为 " + number + " 的证书"));
	}

	List<CertificateRevision> revisions(ClientAccount account, String number) {
		return this.certificates.revisions(certificate(account, number).number());
	}

	byte[] certificatePdf(ClientAccount account, String number) {
		return this.certificateDocument.render(certificate(account, number));
	}

	String verificationUrl(String number) {
		return this.certificateDocument.verificationUrl(number);
	}

	/** Every notice to the client, newest first. */
	List<Notice> notices(ClientAccount account) {
		List<ClientNotice> all = new ArrayList<>();
		for (ApplicationRecord application : applications(account)) {
			all.addAll(this.notices.ofApplication(application.number()));
		}
		return all.stream().sorted(Comparator.comparing(ClientNotice::createdAt).reversed()).map(Notice::of).toList();
	}

	List<Step> applicationTimeline(ClientAccount account, String number) {
		ApplicationRecord application = application(account, number);
		List<Step> steps = new ArrayList<>(steps(StatusHistory.Entity.APPLICATION, application.number()));
		if (application.reviewedAt() == null) {
			steps.add(new Step(PlainWords.time(application.reviewDueAt()), "申请评审期限", "认证机构在此之前完成申请评审"));
		}
		return steps;
	}

	List<Step> certificateTimeline(ClientAccount account, String number) {
		Certificate certificate = certificate(account, number);
		List<Step> steps = new ArrayList<>(steps(StatusHistory.Entity.CERTIFICATE, certificate.number()));
		steps.add(new Step(certificate.expiresOn().toString(), "证书有效期至", "期满前请申请再认证"));
		return steps;
	}

	private List<Step> steps(StatusHistory.Entity entity, String key) {
		return this.history.of(entity, key)
			.stream()
			.map(c -> new Step(PlainWords.time(c.changedAt()), PlainWords.status(c.toStatus()), c.reason()))
			.toList();
	}

	/**
	 * Submits an initial-certification application for the client (R-APP-1), as
	 * Tasklist's start form does: the same validation and messages, the process started
	 * by the signed-in account. The credit code is always the account's client's.
	 */
	String apply(ClientAccount account, ApplicationRequest request) {
		ApplicationRequest own = new ApplicationRequest(request.clientName(), request.clientAddress(),
				account.creditCode(), request.legalStatus(), request.schemeId(), request.requestedStars(),
				request.technicalArea(), request.categories(), request.sites(), request.headcount(),
				request.documents(), request.contactEmail());
		Authentication previous = this.identity.getCurrentAuthentication();
		this.identity.setAuthentication(account.userId(), List.of(Groups.CLIENTS));
		try {
			return this.applications.submit(own);
		}
		finally {
			if (previous != null) {
				this.identity.setAuthentication(previous);
			}
			else {
				this.identity.clearAuthentication();
			}
		}
	}

}
