package cn.certflow.certificate;

import java.util.ArrayList;
import java.util.List;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ClientDifference;
import cn.certflow.application.ClientRecord;
import cn.certflow.application.ClientRegister;
import cn.certflow.application.HolderCertificates;
import cn.certflow.certificate.CertificateLifecycle.ChangeKind;
import cn.certflow.system.EngineTime;
import org.springframework.stereotype.Service;

/**
 * A certified client's confirmed new name or address (R-ID-1) reaches its certificates
 * through the existing change path: for each certificate in force whose holder differs, a
 * change request on its lifecycle, reviewed and reissued like one the client filed (PCEC
 * 12.1(1) name: document review; 12.1(2) address: on-site audit as initial, carrying the
 * new name too where both changed). A certificate that cannot take a request now
 * (suspended: it is not reissued while suspended; another change in progress: one at a
 * time; or issued in this very command, see {@link #afterIssue}) gets a HOLDER_CHANGE_DUE
 * reminder in its requests, closed when a name or premises change reissues it.
 */
@Service
class HolderChangeRequests implements HolderCertificates {

	private final CertificateRepository certificates;

	private final CertificateRequests requests;

	private final CertificateRequestRepository requestRecords;

	private final ClientRegister clients;

	HolderChangeRequests(CertificateRepository certificates, CertificateRequests requests,
			CertificateRequestRepository requestRecords, ClientRegister clients) {
		this.certificates = certificates;
		this.requests = requests;
		this.requestRecords = requestRecords;
		this.clients = clients;
	}

	/**
	 * A certificate in force whose holder differs from the application's, and what its
	 * change would be.
	 */
	private record Plan(Certificate certificate, CertificateStatus status, boolean nameChanged, boolean addressChanged,
			boolean changeInProgress, boolean justIssued) {

		ChangeKind kind() {
			return this.addressChanged ? ChangeKind.PREMISES : ChangeKind.NAME;
		}

		boolean canRequest() {
			return this.status == CertificateStatus.VALID && !this.changeInProgress && !this.justIssued;
		}

		String what() {
			return (kind() == ChangeKind.PREMISES)
					? (this.nameChanged ? "名称及地址变更" : "地址变更") + "（PCEC 12.1(2)，按初次认证进行现场审查后换发）"
					: "名称变更（PCEC 12.1(1)，资料评审后换发）";
		}

		String face() {
			return this.certificate.number() + "（" + CertificateDocument.statusLabel(this.status) + "，"
					+ this.certificate.grade() + "，现为“" + this.certificate.holderName() + "”）";
		}

		String obstacle() {
			if (this.justIssued) {
				return "证书按申请评审时的名称和地址颁发，其后客户档案已变更";
			}
			return (this.status != CertificateStatus.VALID) ? "暂停期间不能换发" : "已有变更在办";
		}

	}

	@Override
	public List<String> concerned(ClientDifference difference) {
		ApplicationRecord application = difference.application();
		return plans(this.certificates.numbersOf(difference.creditCode()), application.clientName(),
				application.clientAddress(), false)
			.stream()
			.map(p -> p.face() + "：" + p.what()
					+ (p.canRequest() ? "，确认后即提出变更申请" : "；" + p.obstacle() + "，确认后记录待办，须另行提出变更申请"))
			.toList();
	}

	@Override
	public List<String> requestChanges(ClientDifference difference, String by) {
		ApplicationRecord application = difference.application();
		return request(
				plans(this.certificates.numbersOf(difference.creditCode()), application.clientName(),
						application.clientAddress(), false),
				application.clientName(), application.clientAddress(),
				"客户档案变更（R-ID-1）：申请 " + application.number() + " 评审时确认" + difference.fields() + "变更", by);
	}

	/**
	 * A certificate just issued in the name its application was reviewed with, where the
	 * client's record has changed since (the reviewer of a later application confirmed a
	 * new name or address, PCEC 12.1): it is issued as reviewed and gets a
	 * HOLDER_CHANGE_DUE reminder to the record's name and address. Not a change request:
	 * its lifecycle was started in this same engine command and takes no message before
	 * the command commits. Nothing when the certificate matches the record.
	 */
	List<String> afterIssue(Certificate certificate, String by) {
		return this.clients.onRecord(certificate.creditCode())
			.map(record -> afterIssue(certificate, record, by))
			.orElse(List.of());
	}

	private List<String> afterIssue(Certificate certificate, ClientRecord record, String by) {
		return request(plans(List.of(certificate.number()), record.name(), record.address(), true), record.name(),
				record.address(), "客户档案在本证书的申请评审后已变更（R-ID-1）", by);
	}

	private List<String> request(List<Plan> plans, String name, String address, String description, String by) {
		List<String> done = new ArrayList<>();
		for (Plan plan : plans) {
			String number = plan.certificate().number();
			String newName = plan.nameChanged() ? name : null;
			String newAddress = plan.addressChanged() ? address : null;
			if (plan.canRequest()) {
				long id = this.requests.change(number, new CertificateRequests.ChangeBody(plan.kind().name(),
						description, newName, newAddress, null, null, null), by);
				done.add(number + "：已提出" + plan.what() + "申请（请求 " + id + "）");
			}
			else {
				long id = this.requestRecords
					.insert(new CertificateRequest(0, number, CertificateRequest.HOLDER_CHANGE_DUE,
							description + "；" + plan.obstacle() + "，须另行提出" + plan.what() + "申请", newName, newAddress,
							null, null, null, null, null, by, null, null, null));
				done.add(number + "：" + plan.obstacle() + "，已记录待办（请求 " + id + "），须另行提出" + plan.what() + "申请");
			}
		}
		return done;
	}

	/**
	 * The certificates in force among these whose holder differs from this name or
	 * address.
	 */
	private List<Plan> plans(List<String> numbers, String name, String address, boolean justIssued) {
		List<Plan> plans = new ArrayList<>();
		for (String number : numbers) {
			Certificate certificate = this.certificates.find(number).orElseThrow();
			CertificateStatus status = certificate.statusOn(EngineTime.today());
			boolean nameChanged = !certificate.holderName().equals(name);
			boolean addressChanged = !certificate.holderAddress().equals(address);
			if (!status.isFinal() && (nameChanged || addressChanged)) {
				plans.add(new Plan(certificate, status, nameChanged, addressChanged,
						this.requestRecords.openChanges(number) > 0, justIssued));
			}
		}
		return plans;
	}

}
