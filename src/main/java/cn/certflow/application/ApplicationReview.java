package cn.certflow.application;

import static cn.certflow.application.InitialCertification.REJECTION_REASON;
import static cn.certflow.application.InitialCertification.REVIEW_OUTCOME;

import java.util.List;

import cn.certflow.document.DocumentOwner;
import cn.certflow.document.DocumentType;
import cn.certflow.document.Documents;
import cn.certflow.system.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * The application review (R-APP-2/3, PCEC 7.1): accept only with every mandatory document
 * uploaded; reject only with a written reason; accept where the client differs from the
 * client on record only with the reviewer's confirmation, which updates the record
 * (R-ID-1). Records who reviewed and how long the review took.
 */
@Service
class ApplicationReview {

	private final ApplicationService applications;

	private final Documents documents;

	private final ClientChangeReview clientChanges;

	ApplicationReview(ApplicationService applications, Documents documents, ClientChangeReview clientChanges) {
		this.applications = applications;
		this.documents = documents;
		this.clientChanges = clientChanges;
	}

	/** Reviews the application certified in this process. */
	void review(String processInstanceId, boolean accept, String reason, boolean clientChangeConfirmed,
			String reviewer) {
		String number = this.applications.forProcess(processInstanceId).number();
		if (!accept && (reason == null || reason.isBlank())) {
			throw new InvalidInputException(REJECTION_REASON.getName(),
					"a rejection needs a written reason (PCEC 7.1(3))");
		}
		if (accept) {
			ApplicationRecord application = this.applications.get(number);
			List<String> missing = this.documents.missingMandatory(DocumentOwner.application(number))
				.stream()
				.map(t -> t + " (" + t.title() + ")")
				.toList();
			if (!missing.isEmpty()) {
				throw new InvalidInputException(REVIEW_OUTCOME.getName(),
						"不能受理：本认证方案（PCEC 6.2 / ZHHT 5.1）的必备文件尚未上传: " + String.join(", ", missing));
			}
			this.clientChanges.onAccept(application, clientChangeConfirmed, reviewer);
		}
		this.applications.recordReview(number, reviewer, accept, reason);
	}

}
