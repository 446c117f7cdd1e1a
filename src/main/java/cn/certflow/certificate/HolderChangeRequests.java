package cn.certflow.certificate;

import java.util.ArrayList;
import java.util.List;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ClientDifference;
import cn.certflow.application.HolderCertificates;
import cn.certflow.certificate.CertificateLifecycle.ChangeKind;
import cn.certflow.system.EngineTime;
import org.springframework.stereotype.Service;

/**
 * A certified client's confirmed new name or address (R-ID-1) reaches its certificates through the existing change
 * path: for each certificate in force whose holder differs, a change request on its lifecycle, reviewed and reissued
 * like one the client filed (PCEC 12.1(1) name: document review; 12.1(2) address: on-site audit as initial, carrying
 * the new name too where both changed). A certificate that cannot take a request now (suspended: it is not reissued
 * while suspended; or another change in progress: one at a time) gets a HOLDER_CHANGE_DUE reminder in its requests,
 * closed when a name or premises change reissues it.
 */
@Service
class HolderChangeRequests implements HolderCertificates {

	private final CertificateRepository certificates;

	private final CertificateRequests requests;

	private final CertificateRequestRepository requestRecords;

	HolderChangeRequests(CertificateRepository certificates, CertificateRequests requests,
			CertificateRequestRepository requestRecords) {
		this.certificates = certificates;
		this.requests = requests;
		this.requestRecords = requestRecords;
	}

	/** A certificate in force whose holder differs from the application's, and what its change would be. */
	private record Plan(Certificate certificate, CertificateStatus status, boolean nameChanged, boolean addressChanged,
			boolean changeInProgress) {

		ChangeKind kind() {
			return this.addressChanged ? ChangeKind.PREMISES : ChangeKind.NAME;
		}

		boolean canRequest() {
			return this.status == CertificateStatus.VALID && !this.changeInProgress;
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
			return (this.status != CertificateStatus.VALID) ? "暂停期间不能换发" : "已有变更在办";
		}

	}

	@Override
	public List<String> concerned(ClientDifference difference) {
		return plans(difference).stream()
			.map(p -> p.face() + "：" + p.what() + (p.canRequest() ? "，确认后即提出变更申请"
					: "；" + p.obstacle() + "，确认后记录待办，须另行提出变更申请"))
			.toList();
	}

	@Override
	public List<String> requestChanges(ClientDifference difference, String by) {
		ApplicationRecord application = difference.application();
		String description = "客户档案变更（R-ID-1）：申请 " + application.number() + " 评审时确认 " + difference.fields()
				+ "变更";
		List<String> done = new ArrayList<>();
		for (Plan plan : plans(difference)) {
			String number = plan.certificate().number();
			String newName = plan.nameChanged() ? application.clientName() : null;
			String newAddress = plan.addressChanged() ? application.clientAddress() : null;
			if (plan.canRequest()) {
				long id = this.requests.change(number, new CertificateRequests.ChangeBody(plan.kind().name(), description,
						newName, newAddress, null, null, null), by);
				done.add(number + "：已提出" + plan.what() + "申请（请求 " + id + "）");
			}
			else {
				long id = this.requestRecords.insert(new CertificateRequest(0, number,
						CertificateRequest.HOLDER_CHANGE_DUE, description + "；" + plan.obstacle() + "，须另行提出" + plan.what()
								+ "申请",
						newName, newAddress, null, null, null, null, null, by, null, null, null));
				done.add(number + "：" + plan.obstacle() + "，已记录待办（请求 " + id + "），须另行提出" + plan.what() + "申请");
			}
		}
		return done;
	}

	private List<Plan> plans(ClientDifference difference) {
		ApplicationRecord application = difference.application();
		List<Plan> plans = new ArrayList<>();
		for (String number : this.certificates.numbersOf(difference.creditCode())) {
			Certificate certificate = this.certificates.find(number).orElseThrow();
			CertificateStatus status = certificate.statusOn(EngineTime.today());
			boolean nameChanged = !certificate.holderName().equals(application.clientName());
			boolean addressChanged = !certificate.holderAddress().equals(application.clientAddress());
			if (!status.isFinal() && (nameChanged || addressChanged)) {
				plans.add(new Plan(certificate, status, nameChanged, addressChanged,
						this.requestRecords.openChanges(number) > 0));
			}
		}
		return plans;
	}

}
