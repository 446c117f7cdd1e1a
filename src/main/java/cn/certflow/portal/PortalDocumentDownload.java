package cn.certflow.portal;

import cn.certflow.document.DocumentContent;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.nio.charset.StandardCharsets;

/**
 * One document of the client's own owners, as a download (issue 18 point 2): another
 * client's document answers the same 404 page as one that does not exist; never kept in a
 * shared cache, never sniffed as another type, named by its file name (RFC 5987).
 */
@Controller
class PortalDocumentDownload extends PortalPage {

	private final ClientRecords records;

	PortalDocumentDownload(ClientRecords records) {
		this.records = records;
	}

	@GetMapping("/portal/documents/{id}")
	ResponseEntity<byte[]> document(@PathVariable long id, HttpServletRequest request) {
		DocumentContent document = this.records.document(account(request), id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.info().contentType()))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(document.info().fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(document.content());
	}

}
