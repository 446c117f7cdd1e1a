package cn.certflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.certflow.system.InvalidInputException;
import cn.certflow.system.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Issue 18: the checks every upload passes, for any owner — the bytes decide the format,
 * the size is limited, the name is a plain file name, the type is known, the owner exists
 * and takes documents; a refused upload names the field and stores nothing.
 */
class DocumentsTest {

	private static final byte[] PDF = "%PDF-1.4\n% 营业执照\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

	private static final DocumentOwner OPEN = DocumentOwner.application("A-OPEN");

	private static final DocumentOwner CLOSED = DocumentOwner.application("A-CLOSED");

	private final DocumentRepository repository = mock(DocumentRepository.class);

	private final Documents documents = new Documents(this.repository, new DocumentFormatDetector(),
			List.of(new Applications()), DataSize.ofKilobytes(64), mock(DocumentLinks.class));

	@Test
	void shouldStoreAPdfWithItsSha256AndUploader() {
		when(this.repository.insert(any(), any(), anyString(), anyString(), any(), anyString(), anyString()))
			.thenAnswer(i -> new DocumentInfo(1, i.getArgument(1), i.getArgument(2), i.getArgument(3), PDF.length,
					i.getArgument(5), i.getArgument(6), OffsetDateTime.now()));

		DocumentInfo info = this.documents.upload(OPEN, "BUSINESS_LICENSE", "营业执照.pdf", "application/pdf", PDF,
				"reviewer");

		assertThat(info.type()).isEqualTo(DocumentType.BUSINESS_LICENSE);
		assertThat(info.contentType()).isEqualTo("application/pdf");
		assertThat(info.sha256()).hasSize(64).isEqualTo(Documents.sha256(PDF));
		assertThat(info.uploadedBy()).isEqualTo("reviewer");
	}

	@Test
	void shouldRefuseContentThatIsNotWhatItsNameSays() {
		byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
		assertRefused("file", () -> this.documents.upload(OPEN, "BUSINESS_LICENSE", "营业执照.pdf", null, html, "r"));
		assertRefused("file", () -> this.documents.upload(OPEN, "BUSINESS_LICENSE", "营业执照.png", "image/png", PDF, "r"));
	}

	@Test
	void shouldRefuseEmptyAndOversizedFiles() {
		byte[] big = new byte[64 * 1024 + 1];
		System.arraycopy(PDF, 0, big, 0, PDF.length);
		assertRefused("file", () -> this.documents.upload(OPEN, "BUSINESS_LICENSE", "a.pdf", null, new byte[0], "r"));
		assertRefused("file", () -> this.documents.upload(OPEN, "BUSINESS_LICENSE", "a.pdf", null, big, "r"));
		assertRefused("file", () -> this.documents.upload(OPEN, DocumentType.BUSINESS_LICENSE, "a.pdf", null,
				new ByteArrayInputStream(big), "r"));
	}

	@Test
	void shouldRefuseNamesWithPathsOrControlCharacters() {
		for (String name : List.of("../../etc/passwd.pdf", "C:\\Users\\张三\\营业执照.pdf", "营业执照\r\nX: 1.pdf",
				"invoice\u202Efdp.exe", "", "..", "x".repeat(256) + ".pdf")) {
			assertRefused("file", () -> this.documents.upload(OPEN, "BUSINESS_LICENSE", name, null, PDF, "r"));
		}
	}

	@Test
	void shouldRefuseUnknownTypesClosedAndMissingOwners() {
		assertRefused("type", () -> this.documents.upload(OPEN, "PASSPORT", "a.pdf", null, PDF, "r"));
		assertRefused("type", () -> this.documents.upload(OPEN, "", "a.pdf", null, PDF, "r"));
		assertRefused("applicationNumber",
				() -> this.documents.upload(CLOSED, "BUSINESS_LICENSE", "a.pdf", null, PDF, "r"));
		assertThatThrownBy(() -> this.documents.upload(DocumentOwner.application("A-NONE"), "BUSINESS_LICENSE", "a.pdf",
				null, PDF, "r"))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.documents.upload(DocumentOwner.certificate("C-1"), "BUSINESS_LICENSE", "a.pdf",
				null, PDF, "r"))
			.as("no package owns certificates' documents in this test")
			.isInstanceOf(NotFoundException.class);
		verify(this.repository, never()).insert(any(), any(), any(), any(), any(), any(), any());
	}

	@Test
	void shouldListTheMandatoryDocumentsNotYetUploaded() {
		when(this.repository.list(OPEN)).thenReturn(List.of(new DocumentInfo(1, DocumentType.APPLICATION_FORM, "a.pdf",
				"application/pdf", 1, "x", "r", OffsetDateTime.now())));

		assertThat(this.documents.missingMandatory(OPEN)).containsExactly(DocumentType.BUSINESS_LICENSE);
	}

	@Test
	void shouldOpenADocumentOnlyThroughItsOwner() {
		DocumentInfo info = new DocumentInfo(7, DocumentType.APPLICATION_FORM, "a.pdf", "application/pdf", PDF.length,
				"x", "r", OffsetDateTime.now());
		when(this.repository.get(7)).thenReturn(Optional.of(new DocumentContent(OPEN, info, PDF)));

		assertThat(this.documents.open(OPEN, 7).content()).isEqualTo(PDF);
		assertThatThrownBy(() -> this.documents.open(CLOSED, 7)).isInstanceOf(NotFoundException.class);
	}

	private void assertRefused(String field, Runnable upload) {
		assertThatThrownBy(upload::run).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::field)
					.containsExactly(field));
		verify(this.repository, never()).insert(any(), any(), any(), any(), any(), any(), any());
	}

	/** Two applications: one open, one closed, both with two mandatory documents. */
	private static final class Applications implements DocumentOwnerRules {

		@Override
		public DocumentOwner.Kind kind() {
			return DocumentOwner.Kind.APPLICATION;
		}

		@Override
		public boolean exists(String key) {
			return key.equals(OPEN.key()) || key.equals(CLOSED.key());
		}

		@Override
		public Optional<String> closedForUploads(String key) {
			return key.equals(CLOSED.key()) ? Optional.of("已结束") : Optional.empty();
		}

		@Override
		public Set<DocumentType> mandatory(String key) {
			return Set.of(DocumentType.APPLICATION_FORM, DocumentType.BUSINESS_LICENSE);
		}

		@Override
		public String requireStaffReader(String key) {
			return "reviewer";
		}

		@Override
		public String requireStaffUploader(String key) {
			return "reviewer";
		}

	}

}
