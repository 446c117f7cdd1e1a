package cn.certflow.certificate;

import cn.certflow.certificate.CertificateLifecycle.ChangeKind;
import cn.certflow.system.StatusHistory;
import org.springframework.stereotype.Service;

/**
 * Applies an accepted change request to the certificate as a reissue, and closes the
 * request (R-CHG-1, R-EXT-1, R-UPG-1).
 */
@Service
public class CertificateChanges {

	private final CertificateService certificates;

	private final CertificateRequestRepository requests;

	CertificateChanges(CertificateService certificates, CertificateRequestRepository requests) {
		this.certificates = certificates;
		this.requests = requests;
	}

	/**
	 * A change without an audit.
	 * @param stars the grade decided, or null to keep the certified one
	 */
	public Certificate apply(CertificateRequest request, Integer stars, String by, StatusHistory.Process process) {
		return apply(request, stars, null, by, process);
	}

	/**
	 * @param stars the grade decided after an audit, or null to keep the certified one
	 * @param auditId the audit that graded the change (its grading goes on the new
	 * revision), or null
	 */
	public Certificate apply(CertificateRequest request, Integer stars, Long auditId, String by,
			StatusHistory.Process process) {
		Certificate current = this.certificates.get(request.certificateNumber());
		ChangeKind kind = ChangeKind.valueOf(request.kind());
		CertificateService.Reissue reissue = switch (kind) {
			case NAME -> new CertificateService.Reissue(request.newHolderName(), null, null, null, stars);
			// a premises change may carry a new name too (a client whose name and address
			// both changed, R-ID-1):
			// one request, audited as initial, reissued with both
			case PREMISES ->
				new CertificateService.Reissue(request.newHolderName(), request.newHolderAddress(), null, null, stars);
			case EXTENSION ->
				new CertificateService.Reissue(null, null, current.scope() + "；" + request.addedScope(), null, stars);
			case SERVICE_PROCESS, UPGRADE -> new CertificateService.Reissue(null, null, null, null, stars);
			// PCEC 12.3: the grade the client asked for, without an audit
			case DOWNGRADE -> CertificateService.Reissue.stars(request.requestedStars());
			case TRANSITION -> new CertificateService.Reissue(null, null, null, request.newRuleDocument(), stars);
		};
		Certificate next = this.certificates.reissue(request.certificateNumber(), reissue.gradedBy(auditId),
				reasonOf(kind, request), by, process);
		this.requests.close(request.id(), CertificateRequest.DONE, "reissued as revision " + next.revision(), by);
		if (kind == ChangeKind.NAME || kind == ChangeKind.PREMISES) {
			this.requests.closeHolderChangesDue(request.certificateNumber(),
					"holder reissued as revision " + next.revision() + " (request " + request.id() + ")", by);
		}
		return next;
	}

	private static String reasonOf(ChangeKind kind, CertificateRequest request) {
		return switch (kind) {
			case NAME -> "名称变更 (R-CHG-1 (1)): " + request.newHolderName();
			case PREMISES -> "场所/主要服务过程变更 (R-CHG-1 (2))"
					+ ((request.newHolderAddress() != null) ? ": " + request.newHolderAddress() : "")
					+ ((request.newHolderName() != null) ? "；名称变更: " + request.newHolderName() : "");
			case EXTENSION -> "扩大认证范围 (R-EXT-1): " + request.addedScope();
			case SERVICE_PROCESS -> "主要服务流程变更 (PCEC 12.1(2))";
			case UPGRADE -> "升级 (R-UPG-1)";
			case DOWNGRADE -> "获证组织申请降级 (PCEC 12.3)";
			case TRANSITION -> "标准/规则转换 (R-CHG-1 (3)): " + request.newRuleDocument();
		};
	}

}
