package cn.certflow.certificate;

import java.util.List;

import cn.certflow.security.ApiAccess;
import cn.certflow.system.EngineTime;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The certificate registry for periodic filings (CNCA, IAF CertSearch), for staff: CSV
 * (Excel) and JSON.
 */
@RestController
@RequestMapping("/api/certificates")
class RegistryExportController {

	private final RegistryExport export;

	private final ApiAccess access;

	RegistryExportController(RegistryExport export, ApiAccess access) {
		this.export = export;
		this.access = access;
	}

	@GetMapping("/export.json")
	List<RegistryEntry> json() {
		this.access.requireAnyGroup(ApiAccess.SEE_EVERY_CERTIFICATE);
		return this.export.entries();
	}

	@GetMapping("/export.csv")
	ResponseEntity<byte[]> csv() {
		this.access.requireAnyGroup(ApiAccess.SEE_EVERY_CERTIFICATE);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("certificates-" + EngineTime.today() + ".csv")
						.build()
						.toString())
			.body(this.export.csv(this.export.entries()));
	}

}
