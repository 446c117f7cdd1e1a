package cn.certflow.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.certflow.system.InvalidInputException;
import cn.certflow.system.InvalidInputException.FieldProblem;
import cn.certflow.system.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Checks and stores the documents of any owner ({@link DocumentOwner}): an application
 * (PCEC 6.2), a certificate, a request, a corrective action, a case. What a file is comes
 * from its bytes (issue 15.6): it must be one of the {@link DocumentFormat}s, and a type
 * the client declares must agree with it. The name must be a plain file name (no path, no
 * control characters); the size at most the limit. Bad input is refused naming the field
 * ({@code type}, {@code file}) and nothing is stored. Whether an owner exists, takes
 * documents and must have some is the owning package's rule ({@link DocumentOwnerRules}).
 */
@Service
public class Documents {

	/** Declared types that say nothing: the browser or client did not know. */
	private static final Set<String> UNDECLARED = Set.of("", "application/octet-stream", "application/x-download",
			"binary/octet-stream");

	/** Other names clients give the same formats. */
	private static final Map<String, String> ALIASES = Map.of("image/jpg", "image/jpeg", "image/pjpeg", "image/jpeg",
			"image/x-png", "image/png", "application/x-pdf", "application/pdf", "application/acrobat",
			"application/pdf", "application/x-ofd", "application/ofd");

	private final DocumentRepository documents;

	private final DocumentFormatDetector formats;

	private final Map<DocumentOwner.Kind, DocumentOwnerRules> owners;

	private final DataSize maxSize;

	private final DocumentLinks links;

	Documents(DocumentRepository documents, DocumentFormatDetector formats, List<DocumentOwnerRules> owners,
			@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxSize, DocumentLinks links) {
		this.documents = documents;
		this.formats = formats;
		this.links = links;
		this.owners = new java.util.EnumMap<>(DocumentOwner.Kind.class);
		owners.forEach(o -> this.owners.put(o.kind(), o));
		this.maxSize = maxSize;
	}

	/** The largest document taken. */
	public DataSize maxSize() {
		return this.maxSize;
	}

	/** Stores a document after the checks; {@code type} as a client sends it. */
	public DocumentInfo upload(DocumentOwner owner, String type, String fileName, String contentType, byte[] content,
			String uploadedBy) {
		return upload(owner, DocumentType.parse("type", type), fileName, contentType, content, uploadedBy);
	}

	/** One file of a multi-file upload, with the type chosen for it. */
	public record Upload(String type, String fileName, String contentType, byte[] content) {
	}

	/**
	 * Stores several documents at once, all or none (issue 19.2): a refused file names
	 * its place ({@code files[2]}, {@code types[2]}) and nothing is stored.
	 */
	@Transactional
	public List<DocumentInfo> uploadAll(DocumentOwner owner, List<Upload> uploads, String uploadedBy) {
		if (uploads.isEmpty()) {
			throw new InvalidInputException("files", "请选择至少一个文件");
		}
		List<DocumentInfo> stored = new ArrayList<>();
		for (int i = 0; i < uploads.size(); i++) {
			Upload upload = uploads.get(i);
			try {
				stored.add(upload(owner, upload.type(), upload.fileName(), upload.contentType(), upload.content(),
						uploadedBy));
			}
			catch (InvalidInputException ex) {
				int index = i;
				throw new InvalidInputException(ex.problems()
					.stream()
					.map((p) -> new FieldProblem(indexed(p.field(), index), "第 " + (index + 1) + " 个文件：" + p.message()))
					.toList());
			}
		}
		return stored;
	}

	private static String indexed(String field, int index) {
		return switch (field) {
			case "file" -> "files[" + index + "]";
			case "type" -> "types[" + index + "]";
			default -> field;
		};
	}

	/** Stores a document read from the stream (at most the size limit is read). */
	public DocumentInfo upload(DocumentOwner owner, DocumentType type, String fileName, String contentType,
			InputStream content, String uploadedBy) {
		try (content) {
			byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxSize.toBytes() + 1));
			return upload(owner, type, fileName, contentType, bytes, uploadedBy);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Stores a document after the checks. */
	public DocumentInfo upload(DocumentOwner owner, DocumentType type, String fileName, String contentType,
			byte[] content, String uploadedBy) {
		DocumentOwnerRules rules = rules(owner);
		if (type == null) {
			throw new InvalidInputException("type", "请选择文件类型");
		}
		if (!rules.allowed(owner.key()).contains(type)) {
			throw new InvalidInputException("type",
					owner.kind().word() + "不接收“" + type.title() + "”类型的文件（type " + type.name() + " not taken here）");
		}
		if (content == null || content.length == 0) {
			throw new InvalidInputException("file", "文件为空");
		}
		if (content.length > this.maxSize.toBytes()) {
			throw new InvalidInputException("file", "文件超过大小上限 " + this.maxSize.toMegabytes() + " MB");
		}
		DocumentFileName.check(fileName);
		DocumentFormat format = format(content, contentType);
		rules.closedForUploads(owner.key()).ifPresent(reason -> {
			throw new InvalidInputException(ownerField(owner), reason);
		});
		DocumentInfo stored = this.documents.insert(owner, type, DocumentFileName.clean(fileName, format, type),
				format.mediaType(), content, sha256(content), uploadedBy);
		this.links.refresh(owner, rules);
		return stored;
	}

	/** The owner's documents, oldest first; 404 if the owner does not exist. */
	public List<DocumentInfo> list(DocumentOwner owner) {
		rules(owner);
		return this.documents.list(owner);
	}

	/** The document types the owner must have and does not have yet, in their order. */
	public List<DocumentType> missingMandatory(DocumentOwner owner) {
		Set<DocumentType> missing = EnumSet.noneOf(DocumentType.class);
		missing.addAll(rules(owner).mandatory(owner.key()));
		this.documents.list(owner).forEach(d -> missing.remove(d.type()));
		return List.copyOf(missing);
	}

	/** The document types the owner takes, in their order (the upload form's choice). */
	public List<DocumentType> allowedTypes(DocumentOwner owner) {
		Set<DocumentType> allowed = EnumSet.noneOf(DocumentType.class);
		allowed.addAll(rules(owner).allowed(owner.key()));
		return List.copyOf(allowed);
	}

	/**
	 * Why the owner takes no more documents, or empty if it does (the page hides its
	 * upload form).
	 */
	public Optional<String> closedForUploads(DocumentOwner owner) {
		return rules(owner).closedForUploads(owner.key());
	}

	/** The types of the owner's documents. */
	public Set<DocumentType> uploadedTypes(DocumentOwner owner) {
		Set<DocumentType> types = EnumSet.noneOf(DocumentType.class);
		this.documents.list(owner).forEach(d -> types.add(d.type()));
		return types;
	}

	/**
	 * The document as it is handed out, if it exists: under a clean name and the type its
	 * bytes are. A document stored before types were detected keeps its declared type
	 * only if the bytes agree; else it goes out as {@code application/octet-stream},
	 * which no browser renders.
	 */
	public Optional<DocumentContent> find(long documentId) {
		return this.documents.get(documentId).map(this::asHandedOut);
	}

	/** The owner's document; 404 (field {@code id}) if the owner has no such document. */
	public DocumentContent open(DocumentOwner owner, long documentId) {
		return find(documentId).filter(d -> d.owner().equals(owner))
			.orElseThrow(() -> new NotFoundException("id", "No document " + documentId + " in "
					+ owner.kind().name().toLowerCase(Locale.ROOT) + " " + owner.key()));
	}

	/** The staff member's user id if they may see the owner's documents; else 404. */
	public String requireStaffReader(DocumentOwner owner) {
		return rules(owner).requireStaffReader(owner.key());
	}

	/**
	 * The staff member's user id if they may add documents to the owner; else 404/403.
	 */
	public String requireStaffUploader(DocumentOwner owner) {
		return rules(owner).requireStaffUploader(owner.key());
	}

	private DocumentContent asHandedOut(DocumentContent stored) {
		DocumentInfo info = stored.info();
		Optional<DocumentFormat> format = DocumentFormat.ofMediaType(info.contentType())
			.filter(f -> f.mediaType().equals(this.formats.detect(stored.content())));
		String contentType = format.map(DocumentFormat::mediaType).orElse("application/octet-stream");
		String fileName = DocumentFileName.clean(info.fileName(), format.orElse(null), info.type());
		return new DocumentContent(stored.owner(), new DocumentInfo(info.id(), info.type(), fileName, contentType,
				info.sizeBytes(), info.sha256(), info.uploadedBy(), info.uploadedAt()), stored.content());
	}

	private DocumentOwnerRules rules(DocumentOwner owner) {
		DocumentOwnerRules rules = this.owners.get(owner.kind());
		if (rules == null || !rules.exists(owner.key())) {
			throw new NotFoundException("number", "没有" + owner.kind().word() + " " + owner.key() + "（No "
					+ owner.kind().path() + " " + owner.key() + "）");
		}
		return rules;
	}

	private static String ownerField(DocumentOwner owner) {
		return owner.kind() == DocumentOwner.Kind.APPLICATION ? "applicationNumber" : "owner";
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

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
