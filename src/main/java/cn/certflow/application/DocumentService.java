package cn.certflow.application;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.certflow.system.InvalidInputException;
import cn.certflow.system.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Checks and stores the documents of an application (PCEC 6.2); Camunda Forms 7.24 have
 * no file picker. What a file is comes from its bytes (issue 15.6): it must be one of the
 * {@link DocumentFormat}s, and a type the client declares must agree with it; the name is
 * cleaned ({@link DocumentFileName}) and the detected type is what is stored and served.
 */
@Service
class DocumentService {

	/** Declared types that say nothing: the browser or client did not know. */
	private static final Set<String> UNDECLARED = Set.of("", "application/octet-stream", "application/x-download",
			"binary/octet-stream");

	/** Other names clients give the same formats. */
	private static final Map<String, String> ALIASES = Map.of("image/jpg", "image/jpeg", "image/pjpeg", "image/jpeg",
			"image/x-png", "image/png", "application/x-pdf", "application/pdf", "application/acrobat",
			"application/pdf", "application/x-ofd", "application/ofd");

	private final ApplicationRepository applications;

	private final DocumentRepository documents;

	private final DocumentFormatDetector formats;

	DocumentService(ApplicationRepository applications, DocumentRepository documents, DocumentFormatDetector formats) {
		this.applications = applications;
		this.documents = documents;
		this.formats = formats;
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
		if (content.length == 0) {
			throw new InvalidInputException("file", "文件为空");
		}
		if (fileName == null || fileName.isBlank() || fileName.length() > DocumentFileName.MAX_LENGTH) {
			throw new InvalidInputException("file", "需要文件名，最多 " + DocumentFileName.MAX_LENGTH + " 个字符");
		}
		DocumentFormat format = format(content, contentType);
		if (application.status().isFinal()) {
			throw new InvalidInputException("applicationNumber",
					"application " + applicationNumber + " is closed (" + application.status() + ")");
		}
		String sha256 = sha256(content);
		return this.documents.insert(application.id(), documentType,
				DocumentFileName.clean(fileName, format, documentType), format.mediaType(), content, sha256,
				uploadedBy);
	}

	/**
	 * The format the bytes are, if it is one we take and the client's declared type, if
	 * any, says the same.
	 */
	private DocumentFormat format(byte[] content, String contentType) {
		String detected = this.formats.detect(content);
		String declared = declared(contentType);
		if (declared != null && !declared.equals(detected)) {
			throw new InvalidInputException("file",
					"声明的文件类型 " + declared + " 与文件内容不符（文件内容为 " + detected + "）；只接受 " + DocumentFormat.NAMES + " 文件");
		}
		return DocumentFormat.ofMediaType(detected)
			.orElseThrow(() -> new InvalidInputException("file",
					"文件内容为 " + detected + "，不接受；只接受 " + DocumentFormat.NAMES + " 文件"));
	}

	private static String declared(String contentType) {
		if (contentType == null) {
			return null;
		}
		String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
		return UNDECLARED.contains(type) ? null : ALIASES.getOrDefault(type, type);
	}

	List<DocumentRepository.DocumentInfo> list(String applicationNumber) {
		return this.documents.list(this.applications.get(applicationNumber).id());
	}

	/**
	 * The document as it is handed out: under a clean name and the type its bytes are. A
	 * document stored before types were detected keeps its declared type only if the
	 * bytes agree; else it goes out as {@code application/octet-stream}, which no browser
	 * renders.
	 */
	DocumentRepository.DocumentContent download(String applicationNumber, long documentId) {
		DocumentRepository.DocumentContent stored = this.documents
			.get(this.applications.get(applicationNumber).id(), documentId)
			.orElseThrow(() -> new NotFoundException("id",
					"No document " + documentId + " in application " + applicationNumber));
		DocumentRepository.DocumentInfo info = stored.info();
		Optional<DocumentFormat> format = DocumentFormat.ofMediaType(info.contentType())
			.filter(f -> f.mediaType().equals(this.formats.detect(stored.content())));
		String contentType = format.map(DocumentFormat::mediaType).orElse("application/octet-stream");
		String fileName = DocumentFileName.clean(info.fileName(), format.orElse(null), info.type());
		return new DocumentRepository.DocumentContent(new DocumentRepository.DocumentInfo(info.id(), info.type(),
				fileName, contentType, info.sizeBytes(), info.sha256(), info.uploadedBy(), info.uploadedAt()),
				stored.content());
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
