package cn.certflow.certificate;

import java.util.Optional;
import java.util.Set;

import cn.certflow.document.DocumentOwner;
import cn.certflow.document.DocumentOwnerRules;
import cn.certflow.document.DocumentType;
import cn.certflow.security.ApiAccess;
import cn.certflow.security.Groups;
import org.springframework.stereotype.Component;

/**
 * The documents of a certificate (issue 18: documents at any stage of a certificate's
 * life — surveillance, recertification, the holder's changed licences): the client's file
 * types; taken while the certificate is valid or suspended, not once it is withdrawn,
 * cancelled or expired; seen by whoever may see the certificate
 * ({@link ApiAccess#requireCertificate}), added by reviewers and administrators.
 */
@Component
class CertificateDocuments implements DocumentOwnerRules {

	private final CertificateRepository certificates;

	private final ApiAccess access;

	CertificateDocuments(CertificateRepository certificates, ApiAccess access) {
		this.certificates = certificates;
		this.access = access;
	}

	@Override
	public DocumentOwner.Kind kind() {
		return DocumentOwner.Kind.CERTIFICATE;
	}

	@Override
	public boolean exists(String number) {
		return this.certificates.find(number).isPresent();
	}

	@Override
	public Set<DocumentType> allowed(String number) {
		return DocumentType.clientFile();
	}

	@Override
	public Optional<String> closedForUploads(String number) {
		return this.certificates.find(number)
			.filter((c) -> c.status().isFinal())
			.map((c) -> "证书 " + number + " 已" + ended(c.status()) + "，不再接收文件");
	}

	private static String ended(CertificateStatus status) {
		return switch (status) {
			case WITHDRAWN -> "撤销";
			case CANCELLED -> "注销";
			default -> "过期";
		};
	}

	/**
	 * The recertification document review of the certificate's lifecycle (business key =
	 * number).
	 */
	@Override
	public Optional<FormListing> formListing(String number) {
		return Optional.of(FormListing.of(number, number));
	}

	@Override
	public String requireStaffReader(String number) {
		return this.access.requireCertificate(number);
	}

	@Override
	public String requireStaffUploader(String number) {
		this.access.requireCertificate(number);
		return this.access.requireAnyGroup(Groups.REVIEWERS, Groups.ADMINS);
	}

}
