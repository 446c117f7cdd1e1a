package cn.certflow.accreditation;

import java.util.List;

import cn.certflow.security.ApiAccess;
import cn.certflow.security.Groups;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The accreditation file of a certificate for quality managers, managers and
 * administrators (ISO/IEC 17065 7.12): JSON, or one HTML page ({@code .html}, or
 * {@code Accept: text/html} as a browser sends it).
 */
@RestController
@RequestMapping("/api/certificates")
class AccreditationFileController {

	static final String[] READERS = { Groups.QUALITY_MANAGERS, Groups.MANAGERS, Groups.ADMINS };

	private final AccreditationFileBuilder files;

	private final AccreditationFileHtml html;

	private final ApiAccess access;

	AccreditationFileController(AccreditationFileBuilder files, AccreditationFileHtml html, ApiAccess access) {
		this.files = files;
		this.html = html;
		this.access = access;
	}

	/** JSON unless the caller prefers HTML (a browser's Accept header). */
	@GetMapping("/{number}/file")
	ResponseEntity<?> file(@PathVariable String number,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		return prefersHtml(accept) ? html(number)
				: ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json(number));
	}

	@GetMapping("/{number}/file.json")
	AccreditationFile json(@PathVariable String number) {
		String caller = this.access.requireAnyGroup(READERS);
		return this.files.build(number, caller);
	}

	@GetMapping("/{number}/file.html")
	ResponseEntity<String> html(@PathVariable String number) {
		String caller = this.access.requireAnyGroup(READERS);
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.body(this.html.render(this.files.build(number, caller)));
	}

	static boolean prefersHtml(String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		List<MediaType> types = MediaType.parseMediaTypes(accept);
		MediaType.sortByQualityValue(types);
		for (MediaType type : types) {
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
				return false;
			}
			if (type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType()) {
				return true;
			}
		}
		return false;
	}

}
