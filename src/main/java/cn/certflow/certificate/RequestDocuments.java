package cn.certflow.certificate;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import cn.certflow.certificate.CertificateLifecycle.ChangeKind;
import cn.certflow.document.DocumentOwner;
import cn.certflow.document.DocumentOwnerRules;
import cn.certflow.document.DocumentType;
import cn.certflow.security.ApiAccess;
import cn.certflow.security.Groups;
import org.springframework.stereotype.Component;

/**
 * The documents of a request about a certificate (issue 18: change, extension, upgrade,
 * transition, suspension, cancellation…; key = the request's id): its supporting
 * documents, the client's file types it changes (licences, scope, service documents) and
 * others; taken until the request is done or rejected. A change (R-CHG-1, R-EXT-1,
 * R-UPG-1) shows its supporting document as missing until it is there. Seen by whoever
 * may see the certificate, added by reviewers and administrators.
 */
@Component
class RequestDocuments implements DocumentOwnerRules {

	private static final Set<DocumentType> ALLOWED = EnumSet.of(DocumentType.REQUEST_SUPPORTING_DOCUMENT,
			DocumentType.BUSINESS_LICENSE, DocumentType.LICENCES_AND_PERMITS, DocumentType.SERVICE_MANAGEMENT_DOCUMENTS,
			DocumentType.CERTIFICATION_SCOPE, DocumentType.OTHER);

	private final CertificateRequestRepository requests;

	private final ApiAccess access;

	RequestDocuments(CertificateRequestRepository requests, ApiAccess access) {
		this.requests = requests;
		this.access = access;
	}

	@Override
	public DocumentOwner.Kind kind() {
		return DocumentOwner.Kind.REQUEST;
	}

	@Override
	public boolean exists(String id) {
		return request(id).isPresent();
	}

	@Override
	public Set<DocumentType> allowed(String id) {
		return ALLOWED;
	}

	@Override
	public Optional<String> closedForUploads(String id) {
		return request(id)
			.filter((r) -> CertificateRequest.REJECTED.equals(r.status()) || CertificateRequest.DONE.equals(r.status()))
			.map((r) -> "证书 " + r.certificateNumber() + " 的申请事项 " + id + " 已办结，不再接收文件");
	}

	@Override
	public Set<DocumentType> mandatory(String id) {
		return request(id).filter(RequestDocuments::isChange)
			.map((r) -> Set.of(DocumentType.REQUEST_SUPPORTING_DOCUMENT))
			.orElse(Set.of());
	}

	@Override
	public String requireStaffReader(String id) {
		return this.access.requireCertificate(certificateOf(id));
	}

	@Override
	public String requireStaffUploader(String id) {
		this.access.requireCertificate(certificateOf(id));
		return this.access.requireAnyGroup(Groups.REVIEWERS, Groups.ADMINS);
	}

	private String certificateOf(String id) {
		return request(id).map(CertificateRequest::certificateNumber).orElse("");
	}

	private static boolean isChange(CertificateRequest request) {
		return EnumSet.allOf(ChangeKind.class).stream().anyMatch((k) -> k.name().equals(request.kind()));
	}

	private Optional<CertificateRequest> request(String id) {
		try {
			return this.requests.find(Long.parseLong(id));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
