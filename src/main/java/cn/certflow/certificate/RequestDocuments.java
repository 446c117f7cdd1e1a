package cn.certflow.certificate;

import java.util.EnumSet;
import java.util.List;
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

	/**
	 * The change review of the certificate's lifecycle (business key = certificate
	 * number): the requests of the certificate still open, each under its kind.
	 */
	@Override
	public Optional<FormListing> formListing(String id) {
		return request(id).map((r) -> new FormListing(r.certificateNumber(),
				this.requests.of(r.certificateNumber())
					.stream()
					.filter((o) -> o.id() == r.id() || CertificateRequest.OPEN.equals(o.status())
							|| CertificateRequest.ACCEPTED.equals(o.status()))
					.map((o) -> new Listed(String.valueOf(o.id()), "申请事项 " + o.id() + "（" + kindWord(o.kind()) + "）"))
					.toList()));
	}

	private static String kindWord(String kind) {
		return switch (kind) {
			case "NAME" -> "名称变更";
			case "PREMISES" -> "经营场所变更";
			case "SERVICE_PROCESS" -> "主要服务流程变更";
			case "DOWNGRADE" -> "降级";
			case "EXTENSION" -> "扩大认证范围";
			case "UPGRADE" -> "升级";
			case "TRANSITION" -> "转换";
			default -> kind;
		};
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
