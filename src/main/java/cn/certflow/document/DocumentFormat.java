package cn.certflow.document;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The file formats an application document may have (PCEC 6.2): scans and signed forms as
 * PDF, JPEG or PNG, the electronic business licence as OFD (GB/T 33190, as the market
 * regulator issues it), documents and lists as Word or Excel (Office Open XML). Legacy
 * binary Word and Excel files (.doc, .xls) are not taken: they carry macros and every
 * office suite saves the newer formats. What a file is comes from its bytes
 * ({@link DocumentFormatDetector}).
 */
enum DocumentFormat {

	PDF("application/pdf", "pdf"),

	OFD("application/ofd", "ofd"),

	JPEG("image/jpeg", "jpg", "jpeg"),

	PNG("image/png", "png"),

	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),

	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

	/** How the formats are named in messages. */
	static final String NAMES = "PDF、OFD、JPEG、PNG、DOCX 或 XLSX";

	private final String mediaType;

	private final List<String> extensions;

	DocumentFormat(String mediaType, String... extensions) {
		this.mediaType = mediaType;
		this.extensions = List.of(extensions);
	}

	String mediaType() {
		return this.mediaType;
	}

	/** The extension a file of this format is saved with. */
	String extension() {
		return this.extensions.get(0);
	}

	boolean isExtensionOf(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot >= 0 && this.extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	static Optional<DocumentFormat> ofMediaType(String mediaType) {
		return Arrays.stream(values()).filter(f -> f.mediaType.equals(mediaType)).findFirst();
	}

}
