package cn.certflow.application;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import cn.certflow.document.DocumentContent;
import cn.certflow.document.DocumentInfo;
import cn.certflow.document.DocumentOwner;
import cn.certflow.document.Documents;
import cn.certflow.security.ApiAccess;
import cn.certflow.security.Groups;
import cn.certflow.system.StatusHistory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Applications: submit (R-APP-1), documents (PCEC 6.2), record and status history. */
@RestController
@RequestMapping("/api/applications")
class ApplicationController {

	private final ApplicationService applications;

	private final Documents documents;

	private final StatusHistory history;

	private final ApiAccess access;

	ApplicationController(ApplicationService applications, Documents documents, StatusHistory history,
			ApiAccess access) {
		this.applications = applications;
		this.documents = documents;
		this.history = history;
		this.access = access;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> submit(@RequestBody ApplicationRequest request) {
		this.access.requireAnyGroup(Groups.REVIEWERS, Groups.ADMINS);
		String number = this.applications.submit(request);
		return ResponseEntity.created(URI.create("/api/applications/" + number)).body(Map.of("number", number));
	}

	@GetMapping("/{number}")
	ApplicationView get(@PathVariable String number) {
		this.access.requireApplication(number);
		ApplicationRecord application = this.applications.get(number);
		return new ApplicationView(application, this.documents.list(DocumentOwner.application(number)),
				this.history.of(StatusHistory.Entity.APPLICATION, number));
	}

	@GetMapping("/{number}/history")
	List<StatusHistory.Change> history(@PathVariable String number) {
		this.access.requireApplication(number);
		this.applications.get(number);
		return this.history.of(StatusHistory.Entity.APPLICATION, number);
	}

	@PostMapping(path = "/{number}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<DocumentInfo> upload(@PathVariable String number, @RequestParam("type") String type,
			@RequestParam("file") MultipartFile file) throws IOException {
		String user = this.access.requireAnyGroup(Groups.REVIEWERS, Groups.ADMINS);
		DocumentInfo info = this.documents.upload(DocumentOwner.application(number), type, file.getOriginalFilename(),
				file.getContentType(), file.getBytes(), user);
		return ResponseEntity.created(URI.create("/api/applications/" + number + "/documents/" + info.id())).body(info);
	}

	@GetMapping("/{number}/documents")
	List<DocumentInfo> documents(@PathVariable String number) {
		this.access.requireApplication(number);
		return this.documents.list(DocumentOwner.application(number));
	}

	@GetMapping("/{number}/documents/{id}")
	ResponseEntity<byte[]> download(@PathVariable String number, @PathVariable long id) {
		this.access.requireApplication(number);
		DocumentContent document = this.documents.open(DocumentOwner.application(number), id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.info().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(document.info().fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-SHA256", document.info().sha256())
			.body(document.content());
	}

	record ApplicationView(ApplicationRecord application, List<DocumentInfo> documents,
			List<StatusHistory.Change> history) {
	}

}
