package cn.certflow.portal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.DocumentRepository.DocumentInfo;
import cn.certflow.application.DocumentType;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateRevision;
import cn.certflow.system.EngineTime;

/** What the client API and pages show of a client's records (no staff-internal ids). */
final class ClientViews {

	private ClientViews() {
	}

	record Application(String number, String clientName, String clientAddress, String creditCode, String legalStatus,
			String schemeId, int requestedStars, String technicalArea, String categories, String sites, int headcount,
			String status, String statusText, OffsetDateTime receivedAt, OffsetDateTime reviewDueAt,
			String contractNumber, String contactEmail) {

		static Application of(ApplicationRecord a) {
			return new Application(a.number(), a.clientName(), a.clientAddress(), a.creditCode(), a.legalStatus(),
					a.schemeId(), a.requestedStars(), a.technicalArea(), a.categories(), a.sites(), a.headcount(),
					a.status().name(), PlainWords.status(a.status().name()), a.receivedAt(), a.reviewDueAt(),
					a.contractNumber(), a.contactEmail());
		}

	}

	record Missing(String type, String title) {

		static Missing of(DocumentType type) {
			return new Missing(type.name(), type.title());
		}

	}

	record ApplicationDetail(Application application, List<DocumentInfo> documents, List<Missing> missingDocuments,
			List<ClientRecords.Step> timeline) {
	}

	record CertificateSummary(String number, String holderName, String scheme, String scope, int stars, String grade,
			LocalDate issuedOn, LocalDate expiresOn, int revision, String status, String statusText,
			String verificationUrl) {

		static CertificateSummary of(Certificate c, String verificationUrl) {
			String status = c.statusOn(EngineTime.today()).name();
			return new CertificateSummary(c.number(), c.holderName(), c.scheme(), c.scope(), c.stars(), c.grade(),
					c.issuedOn(), c.expiresOn(), c.revision(), status, PlainWords.status(status), verificationUrl);
		}

	}

	record CertificateDetail(CertificateSummary certificate, String holderAddress, String standard,
			String gradeExplanation, List<CertificateRevision> revisions, List<ClientRecords.Step> timeline) {
	}

}
