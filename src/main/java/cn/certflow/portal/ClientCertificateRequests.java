package cn.certflow.portal;

import java.util.Arrays;

import cn.certflow.appeal.AppealCaseService;
import cn.certflow.certificate.CertificateRequests;
import cn.certflow.document.DocumentOwner;
import cn.certflow.document.DocumentType;
import cn.certflow.document.Documents;
import cn.certflow.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's request about its own certificate (issue 18 point 4), made with the same
 * service methods and checks as the staff API ({@link CertificateRequests},
 * {@link AppealCaseService}), as the client's account, with its supporting document: all
 * in one transaction, so a refused request or file changes nothing. Another client's
 * certificate is not found ({@link ClientRecords#certificate}).
 */
@Service
class ClientCertificateRequests {

	private final ClientRecords records;

	private final CertificateRequests requests;

	private final AppealCaseService cases;

	private final Documents documents;

	ClientCertificateRequests(ClientRecords records, CertificateRequests requests, AppealCaseService cases,
			Documents documents) {
		this.records = records;
		this.requests = requests;
		this.cases = cases;
		this.documents = documents;
	}

	/** The fields of the request form, as sent. */
	record Form(String kind, String description, String reason, String newHolderName, String newHolderAddress,
			String addedScope, String requestedStars, String newRuleDocument, String subject) {
	}

	/** A supporting document chosen with the request. */
	record Attachment(String fileName, String contentType, byte[] content) {
	}

	/**
	 * Sends the request; returns what the client is told (the request's id or the case's
	 * number).
	 */
	@Transactional
	public String submit(ClientAccount account, String number, Form form, Attachment attachment) {
		String certificate = this.records.certificate(account, number).number();
		ClientRequestKind kind = ClientRequestKind.of(form.kind())
			.orElseThrow(
					() -> new InvalidInputException("kind", "须为以下之一：" + Arrays.toString(ClientRequestKind.values())));
		String by = account.userId();
		if (kind.isCase()) {
			String caseNumber = this.cases.receive(new AppealCaseService.CaseBody(kind.name(), certificate, null,
					account.clientName(), form.subject(), form.description(), account.email()), by);
			attach(DocumentOwner.appealCase(caseNumber), DocumentType.CASE_MATERIAL, attachment, by);
			return kind.title() + "已提交，编号 " + caseNumber + "；受理后会通知您。";
		}
		long id;
		if (kind.isChange()) {
			id = this.requests.change(certificate,
					new CertificateRequests.ChangeBody(kind.name(), form.description(), form.newHolderName(),
							form.newHolderAddress(), form.addedScope(), stars(form.requestedStars()),
							form.newRuleDocument()),
					by);
		}
		else if (kind == ClientRequestKind.SUSPENSION) {
			id = this.requests.suspend(certificate, new CertificateRequests.ReasonBody(form.reason(), "CLIENT"), by);
		}
		else {
			id = this.requests.cancel(certificate, new CertificateRequests.ReasonBody(form.reason(), "CLIENT"), by);
		}
		attach(DocumentOwner.request(id), DocumentType.REQUEST_SUPPORTING_DOCUMENT, attachment, by);
		return kind.title() + "申请已提交（申请事项 " + id + "）。";
	}

	private void attach(DocumentOwner owner, DocumentType type, Attachment attachment, String by) {
		if (attachment != null) {
			this.documents.upload(owner, type, attachment.fileName(), attachment.contentType(), attachment.content(),
					by);
		}
	}

	private static Integer stars(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("requestedStars", "请填写整数（星级）");
		}
	}

}
