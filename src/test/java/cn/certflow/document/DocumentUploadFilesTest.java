package cn.certflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/**
 * Issue 15.6: what an uploaded document is comes from its bytes (Apache Tika), and the
 * name it is kept under is cleaned. The files are made here, byte for byte as the formats
 * begin.
 */
class DocumentUploadFilesTest {

	private final DocumentFormatDetector detector = new DocumentFormatDetector();

	@Test
	void shouldTellTheAcceptedFormatsFromTheirBytes() throws IOException {
		assertThat(this.detector.detect(pdf())).isEqualTo("application/pdf");
		assertThat(this.detector.detect("%PDF-1.4 营业执照".getBytes(StandardCharsets.UTF_8))).as("as the tests upload")
			.isEqualTo("application/pdf");
		assertThat(this.detector.detect(png())).isEqualTo("image/png");
		assertThat(this.detector.detect(jpeg())).isEqualTo("image/jpeg");
		assertThat(this.detector.detect(docx())).isEqualTo(DocumentFormat.DOCX.mediaType());
		assertThat(this.detector.detect(xlsx())).isEqualTo(DocumentFormat.XLSX.mediaType());
		assertThat(this.detector.detect(ofd())).isEqualTo("application/ofd");
	}

	@Test
	void shouldSeeHtmlSvgScriptsAndOtherContainersForWhatTheyAre() throws IOException {
		assertThat(this.detector.detect(html())).isEqualTo("text/html");
		assertThat(this.detector.detect(svg())).isEqualTo("image/svg+xml");
		assertThat(this.detector.detect(zip(Map.of("payload.exe", "MZ")))).as("a ZIP is no Word document")
			.isEqualTo("application/zip");
		assertThat(this.detector.detect(zip(Map.of("[Content_Types].xml",
				"<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml\"/></Types>",
				"word/document.xml", "<w:document/>"))))
			.as("a macro-enabled .docm is no .docx")
			.isNotEqualTo(DocumentFormat.DOCX.mediaType());
		assertThat(DocumentFormat
			.ofMediaType(this.detector.detect("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)))).isEmpty();
	}

	@Test
	void shouldCleanFileNames() {
		DocumentType licence = DocumentType.BUSINESS_LICENSE;
		assertThat(DocumentFileName.clean("../../etc/passwd", DocumentFormat.PDF, licence)).isEqualTo("passwd.pdf");
		assertThat(DocumentFileName.clean("C:\\Users\\张三\\营业执照.pdf", DocumentFormat.PDF, licence))
			.isEqualTo("营业执照.pdf");
		assertThat(DocumentFileName.clean("营业执照\r\nX-Injected: 1.pdf", DocumentFormat.PDF, licence))
			.isEqualTo("营业执照X-Injected: 1.pdf");
		assertThat(DocumentFileName.clean("invoice\u202Efdp.exe", DocumentFormat.PDF, licence))
			.as("right-to-left override removed, the real type's extension added")
			.isEqualTo("invoicefdp.exe.pdf");
		assertThat(DocumentFileName.clean("a\u2066b\u2069c\u202Ad\u200Fe\u0000.png", DocumentFormat.PNG, licence))
			.isEqualTo("abcde.png");
		assertThat(DocumentFileName.clean("licence.html", DocumentFormat.PDF, licence)).isEqualTo("licence.html.pdf");
		assertThat(DocumentFileName.clean("扫描件.JPEG", DocumentFormat.JPEG, licence)).isEqualTo("扫描件.JPEG");
		assertThat(DocumentFileName.clean("../..", DocumentFormat.PDF, licence)).isEqualTo("business_license.pdf");
		assertThat(DocumentFileName.clean(".htaccess", DocumentFormat.PDF, licence)).isEqualTo("htaccess.pdf");
		assertThat(DocumentFileName.clean("长".repeat(255), DocumentFormat.PDF, licence)).hasSize(255).endsWith("长.pdf");
		assertThat(DocumentFileName.clean("old\r\nname.txt", null, licence)).as("format unknown: extension kept")
			.isEqualTo("oldname.txt");
	}

	static byte[] pdf() {
		return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
	}

	static byte[] png() {
		return new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0,
				0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0 };
	}

	static byte[] jpeg() {
		return new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0,
				0, 1, 0, 1, 0, 0 };
	}

	static byte[] html() {
		return "<!DOCTYPE html><html><body><script>fetch('/api/applications')</script></body></html>"
			.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] svg() {
		return "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(document.cookie)\"/>"
			.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] docx() throws IOException {
		return zip(Map.of("[Content_Types].xml",
				"<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
				"word/document.xml", "<w:document/>"));
	}

	static byte[] xlsx() throws IOException {
		return zip(Map.of("[Content_Types].xml",
				"<Types><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>",
				"xl/workbook.xml", "<workbook/>"));
	}

	static byte[] ofd() throws IOException {
		return zip(Map.of("OFD.xml", "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\"/>",
				"Doc_0/Document.xml", "<ofd:Document/>"));
	}

	static byte[] zip(Map<String, String> entries) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			// [Content_Types].xml first, as office suites write it
			for (String name : entries.keySet()
				.stream()
				.sorted((a, b) -> a.startsWith("[") ? -1 : b.startsWith("[") ? 1 : a.compareTo(b))
				.toList()) {
				zip.putNextEntry(new ZipEntry(name));
				zip.write(entries.get(name).getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

}
