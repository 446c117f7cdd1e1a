package cn.certflow.application;

import static cn.certflow.application.InitialCertification.CLIENT_CHANGE_CERTIFICATES;
import static cn.certflow.application.InitialCertification.CLIENT_RECORD_DIFFERS;
import static cn.certflow.application.InitialCertification.CONFIRM_CLIENT_CHANGE;
import static cn.certflow.application.InitialCertification.RECORDED_CLIENT_ADDRESS;
import static cn.certflow.application.InitialCertification.RECORDED_CLIENT_NAME;
import static cn.certflow.application.InitialCertification.RECORDED_LEGAL_STATUS;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.certflow.system.AsEngine;
import cn.certflow.system.EngineTime;
import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * The reviewer's decision on an application whose client differs from the client on
 * record under the same credit code (R-ID-1): the review form shows both; accepting needs
 * the reviewer's confirmation, which updates the record (kept in its history: who, when,
 * from which application) and, for a client holding certificates, starts their change
 * requests (PCEC 12.1). Without confirmation the application is not accepted and nothing
 * changes.
 */
@Service
class ClientChangeReview {

	/**
	 * Longest list of certificates kept in a process variable and in
	 * client_history.certificates.
	 */
	static final int MAX_CERTIFICATES_TEXT = 3000;

	private final ClientRegister register;

	private final ClientRepository clients;

	private final ApplicationRepository applications;

	private final HolderCertificates certificates;

	private final RuntimeService runtime;

	private final AsEngine asEngine;

	ClientChangeReview(ClientRegister register, ClientRepository clients, ApplicationRepository applications,
			HolderCertificates certificates, RuntimeService runtime, AsEngine asEngine) {
		this.register = register;
		this.clients = clients;
		this.applications = applications;
		this.certificates = certificates;
		this.runtime = runtime;
		this.asEngine = asEngine;
	}

	/**
	 * What the review form shows beside the application: the client on record now, and
	 * what a confirmation concerns.
	 */
	VariableMap formVariables(ApplicationRecord application) {
		VariableMap variables = Variables.createVariables();
		ClientRecord record = this.register.onRecord(application.creditCode())
			.orElseThrow(() -> new IllegalStateException("no client on record for " + application.number()));
		Optional<ClientDifference> difference = this.register.difference(application);
		RECORDED_CLIENT_NAME.on(variables).set(record.name());
		RECORDED_CLIENT_ADDRESS.on(variables).set(record.address());
		RECORDED_LEGAL_STATUS.on(variables).set(record.legalStatus());
		CLIENT_RECORD_DIFFERS.on(variables).set(difference.isPresent());
		List<String> concerned = new ArrayList<>();
		difference.ifPresent(d -> {
			concerned.addAll(this.certificates.concerned(d));
			concerned.addAll(otherApplications(application));
		});
		CLIENT_CHANGE_CERTIFICATES.on(variables).set(concerned.isEmpty() ? "无（该组织无有效或暂停中的证书）" : lines(concerned));
		return variables;
	}

	/**
	 * Accepting the application: where its client differs from the record, refused unless
	 * {@code confirmed}; once confirmed the record takes the application's name, address
	 * and legal status, and the client's certificates in force get their change requests.
	 * Other applications of the client still under review show the new record.
	 */
	void onAccept(ApplicationRecord application, boolean confirmed, String by) {
		Optional<ClientDifference> found = this.register.difference(application);
		if (found.isEmpty()) {
			return;
		}
		ClientDifference difference = found.get();
		if (!confirmed) {
			throw new InvalidInputException(CONFIRM_CLIENT_CHANGE.getName(), refusal(difference));
		}
		ClientRecord before = difference.onRecord();
		List<String> done = new ArrayList<>(this.certificates.requestChanges(difference, by));
		done.addAll(otherApplications(application));
		this.clients.update(before.id(), application.clientName(), application.clientAddress(),
				application.legalStatus());
		this.clients.recordHistory(before.id(),
				new ClientHistoryEntry(ClientHistoryEntry.CONFIRMED, application.number(), before.name(),
						before.address(), before.legalStatus(), application.clientName(), application.clientAddress(),
						application.legalStatus(), done.isEmpty() ? null : lines(done), by, EngineTime.now()));
		for (ApplicationRecord other : this.applications.underReview(application.creditCode())) {
			if (other.id() != application.id() && other.processInstanceId() != null) {
				this.asEngine.run(() -> this.runtime.setVariables(other.processInstanceId(), formVariables(other)));
			}
		}
	}

	/**
	 * The client's other applications in progress under another name or address: each is
	 * certified as its reviewer saw it, and its certificate then gets a HOLDER_CHANGE_DUE
	 * reminder (certificate.HolderOnRecordListener).
	 */
	private List<String> otherApplications(ApplicationRecord application) {
		return this.applications.inProgress(application.creditCode())
			.stream()
			.filter(other -> other.id() != application.id())
			.filter(other -> !other.clientName().equals(application.clientName())
					|| !other.clientAddress().equals(application.clientAddress()))
			.map(other -> "申请 " + other.number() + "（在办，按“" + other.clientName() + "”申请）：按其评审时的名称和地址颁证，"
					+ "颁证时记录待办，须另行提出变更申请")
			.toList();
	}

	private static String refusal(ClientDifference difference) {
		ClientRecord record = difference.onRecord();
		ApplicationRecord application = difference.application();
		StringBuilder message = new StringBuilder("申请书上的组织").append(difference.fields())
			.append("与客户档案（统一社会信用代码 ")
			.append(record.creditCode())
			.append("）不一致：");
		if (difference.nameDiffers()) {
			message.append("档案名称“")
				.append(record.name())
				.append("”，申请名称“")
				.append(application.clientName())
				.append("”；");
		}
		if (difference.addressDiffers()) {
			message.append("档案地址“")
				.append(record.address())
				.append("”，申请地址“")
				.append(application.clientAddress())
				.append("”；");
		}
		if (difference.legalStatusDiffers()) {
			message.append("档案法律地位“")
				.append(record.legalStatus())
				.append("”，申请法律地位“")
				.append(application.legalStatus())
				.append("”；");
		}
		return message.append("受理须勾选“确认申请组织的新名称和地址”（confirmClientChange），否则请拒绝申请（R-ID-1）").toString();
	}

	private static String lines(List<String> lines) {
		String text = String.join("\n", lines);
		return (text.length() <= MAX_CERTIFICATES_TEXT) ? text : text.substring(0, MAX_CERTIFICATES_TEXT - 1) + "…";
	}

}
