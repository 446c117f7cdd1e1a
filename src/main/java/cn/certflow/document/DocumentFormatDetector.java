package cn.certflow.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * What a file is, from its bytes alone (issue 15.6): Apache Tika's magic-byte detection,
 * never the name or the type the client declares. PDF, JPEG and PNG are told by their
 * signatures; the ZIP containers are opened (central directory only, nothing inflated but
 * one small part) to tell a Word document, an Excel workbook and an OFD file from any
 * other ZIP: Office Open XML by the main part its {@code [Content_Types].xml} declares (a
 * macro-enabled .docm or .xlsm is not a .docx or .xlsx), OFD by its {@code OFD.xml} entry
 * file (GB/T 33190).
 */
@Component
class DocumentFormatDetector {

	/** Content types Tika gives the ZIP containers. */
	private static final String ZIP = "application/zip";

	private static final String OOXML = "application/x-tika-ooxml";

	private static final Map<String, DocumentFormat> OOXML_MAIN_PARTS = Map.of(
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", DocumentFormat.DOCX,
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", DocumentFormat.XLSX);

	/** [Content_Types].xml is a few kilobytes; more is not an office document. */
	private static final int MAX_CONTENT_TYPES_BYTES = 256 * 1024;

	private final Tika tika = new Tika();

	/**
	 * The detected content type: one of {@link DocumentFormat}'s, else what Tika says the
	 * bytes are.
	 */
	String detect(byte[] content) {
		String detected = this.tika.detect(content).toLowerCase(Locale.ROOT);
		if (detected.equals(ZIP) || detected.equals(OOXML)) {
			String container = container(content);
			return (container != null) ? container : detected;
		}
		return detected;
	}

	private static String container(byte[] content) {
		Path file = null;
		try {
			file = Files.createTempFile("certflow-upload-", ".zip");
			Files.write(file, content);
			try (ZipFile zip = new ZipFile(file.toFile())) {
				if (zip.getEntry("OFD.xml") != null) {
					return DocumentFormat.OFD.mediaType();
				}
				ZipEntry types = zip.getEntry("[Content_Types].xml");
				if (types == null) {
					return null;
				}
				String declared = read(zip, types);
				for (Map.Entry<String, DocumentFormat> main : OOXML_MAIN_PARTS.entrySet()) {
					if (declared.contains("\"" + main.getKey() + "\"")) {
						return main.getValue().mediaType();
					}
				}
				return null;
			}
		}
		catch (ZipException ex) {
			return null; // not a readable ZIP: stays what Tika said
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					// a temporary file left behind is removed with the others
				}
			}
		}
	}

	private static String read(ZipFile zip, ZipEntry entry) throws IOException {
		try (InputStream in = zip.getInputStream(entry)) {
			byte[] bytes = in.readNBytes(MAX_CONTENT_TYPES_BYTES);
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

}
