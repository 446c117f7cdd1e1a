package cn.certflow.accreditation;

import java.nio.charset.StandardCharsets;

import cn.certflow.web.StaffPage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The accreditation file of a certificate as a staff page (issue 19.1): the same HTML as
 * {@code /api/certificates/{number}/file.html}, opened with the Tasklist login instead of
 * HTTP Basic; the same readers (quality managers, managers, administrators).
 */
@Controller
class AccreditationFilePage extends StaffPage {

	private final AccreditationFileBuilder files;

	private final AccreditationFileHtml html;

	AccreditationFilePage(AccreditationFileBuilder files, AccreditationFileHtml html) {
		this.files = files;
		this.html = html;
	}

	@GetMapping("/staff/certificates/{number}/file")
	ResponseEntity<String> file(@PathVariable String number, HttpServletRequest request) {
		requireAnyGroup(request, "认可档案", AccreditationFileController.READERS);
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.body(this.html.render(this.files.build(number, user(request).id())));
	}

}
