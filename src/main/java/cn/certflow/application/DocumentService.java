package cn.certflow.application;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import cn.certflow.system.InvalidInputException;
import cn.certflow.system.NotFoundException;
import org.springframework.stereotype.Service;

/** Checks and stores the documents of an application (PCEC 6.2); Camunda Forms 7.24 have no file picker. */
@Service
class DocumentService {

	static final Set<String> ALLOWED_TYPES = Set.of("application/pdf", "image/jpeg", "image/png",
			"application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ApplicationRepository applications;

	private final DocumentRepository documents;

	DocumentService(ApplicationRepository applications, DocumentRepository documents) {
		this.applications = applications;
		this.documents = documents;
	}

	DocumentRepository.DocumentInfo upload(String applicationNumber, String type, String fileName, String contentType,
			byte[] content, String uploadedBy) {
		ApplicationRecord application = this.applications.get(applicationNumber);
		DocumentType documentType;
		try {
			documentType = DocumentType.valueOf(type);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidInputException("type", "unknown document type '" + type + "'");
		}
		if (contentType == null || !ALLOWED_TYPES.contains(contentType)) {
			throw new InvalidInputException("file", "content type " + contentType + " not accepted; use PDF, JPEG, PNG, Word or Excel");
		}
		if (content.length == 0) {
			throw new InvalidInputException("file", "is empty");
		}
		if (fileName == null || fileName.isBlank() || fileName.length() > 255) {
			throw new InvalidInputException("file", "needs a file name of at most 255 characters");
		}
		if (application.status().isFinal()) {
			throw new InvalidInputException("applicationNumber", "application " + applicationNumber + " is closed (" + application.status() + ")");
		}
		String sha256 = sha256(content);
		return this.documents.insert(application.id(), documentType, fileName, contentType, content, sha256, uploadedBy);
	}

	List<DocumentRepository.DocumentInfo> list(String applicationNumber) {
		return this.documents.list(this.applications.get(applicationNumber).id());
	}

	DocumentRepository.DocumentContent download(String applicationNumber, long documentId) {
		return this.documents.get(this.applications.get(applicationNumber).id(), documentId)
			.orElseThrow(() -> new NotFoundException("id", "No document " + documentId + " in application " + applicationNumber));
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
