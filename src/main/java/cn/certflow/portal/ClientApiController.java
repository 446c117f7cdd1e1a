package cn.certflow.portal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.DocumentRepository.DocumentContent;
import cn.certflow.application.DocumentRepository.DocumentInfo;
import cn.certflow.certificate.Certificate;
import cn.certflow.system.ConflictException;
import org.springframework.http.CacheControl;
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

/**
 * The client API (issue 18), HTTP Basic with a client account: the caller's own client's
 * applications, certificates, documents and notices, and nothing else; another client's
 * number answers 404 exactly as a number that does not exist. Staff accounts get 403
 * (RestAuthentication).
 */
@RestController
@RequestMapping("/api/client")
class ClientApiController {

	private final ClientCaller caller;

	private final ClientRecords records;

	ClientApiController(ClientCaller caller, ClientRecords records) {
		this.caller = caller;
		this.records = records;
	}

	@GetMapping("/applications")
	List<ClientViews.Application> applications() {
		return this.records.applications(this.caller.require()).stream().map(ClientViews.Application::of).toList();
	}

	@GetMapping("/applications/{number}")
	ClientViews.ApplicationDetail application(@PathVariable String number) {
		ClientAccount account = this.caller.require();
		return new ClientViews.ApplicationDetail(ClientViews.Application.of(this.records.application(account, number)),
				this.records.documents(account, number),
				this.records.missingDocuments(account, number).stream().map(ClientViews.Missing::of).toList(),
				this.records.applicationTimeline(account, number));
	}

	/**
	 * An initial-certification application (R-APP-1), the same JSON as
	 * {@code POST /api/applications}; the credit code is the caller's client's.
	 */
	@PostMapping(path = "/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> apply(@RequestBody ApplicationRequest request) {
		String number = this.records.apply(this.caller.require(), request);
		return ResponseEntity.created(URI.create("/api/client/applications/" + number)).body(Map.of("number", number));
	}

	@PostMapping(path = "/applications/{number}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<DocumentInfo> uploadToApplication(@PathVariable String number, @RequestParam("type") String type,
			@RequestParam("file") MultipartFile file) throws IOException {
		DocumentInfo info = this.records.upload(this.caller.require(), number, type, file.getOriginalFilename(),
				file.getContentType(), file.getBytes());
		return ResponseEntity.created(URI.create("/api/client/documents/" + info.id())).body(info);
	}

	/**
	 * Documents of a certificate (change, extension, upgrade, transition): the
	 * certificate is checked to be the caller's; the document store for certificates is
	 * not there yet, so the request is refused with 409 and nothing is stored.
	 */
	@PostMapping(path = "/certificates/{number}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<DocumentInfo> uploadToCertificate(@PathVariable String number, @RequestParam("type") String type,
			@RequestParam("file") MultipartFile file) {
		this.records.certificate(this.caller.require(), number);
		throw new ConflictException(
				"证书 " + number + " 暂不能直接上传文件：请随变更、扩项或再认证申请提交文件（certificate documents are not stored yet)");
	}

	@GetMapping("/documents/{id}")
	ResponseEntity<byte[]> document(@PathVariable long id) {
		return download(this.records.document(this.caller.require(), id));
	}

	@GetMapping("/certificates")
	List<ClientViews.CertificateSummary> certificates() {
		return this.records.certificates(this.caller.require())
			.stream()
			.map(c -> ClientViews.CertificateSummary.of(c, this.records.verificationUrl(c.number())))
			.toList();
	}

	@GetMapping("/certificates/{number}")
	ClientViews.CertificateDetail certificate(@PathVariable String number) {
		ClientAccount account = this.caller.require();
		Certificate c = this.records.certificate(account, number);
		return new ClientViews.CertificateDetail(
				ClientViews.CertificateSummary.of(c, this.records.verificationUrl(c.number())), c.holderAddress(),
				c.standard(), c.gradeExplanation(), this.records.revisions(account, number),
				this.records.certificateTimeline(account, number));
	}

	@GetMapping("/certificates/{number}/document.pdf")
	ResponseEntity<byte[]> certificatePdf(@PathVariable String number) {
		byte[] pdf = this.records.certificatePdf(this.caller.require(), number);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore().cachePrivate())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(number + ".pdf").build().toString())
			.body(pdf);
	}

	@GetMapping("/notices")
	List<ClientRecords.Notice> notices() {
		return this.records.notices(this.caller.require());
	}

	/**
	 * A document as handed to its client: as an attachment, never cached by a shared
	 * cache, with its SHA-256.
	 */
	static ResponseEntity<byte[]> download(DocumentContent document) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.info().contentType()))
			.cacheControl(CacheControl.noStore().cachePrivate())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(document.info().fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-SHA256", document.info().sha256())
			.body(document.content());
	}

}
