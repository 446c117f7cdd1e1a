package cn.certflow.clientapi;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateRequest;
import cn.certflow.certificate.CertificateRevision;
import cn.certflow.document.DocumentInfo;
import cn.certflow.document.DocumentOwner;
import cn.certflow.portal.ClientAccount;
import cn.certflow.portal.ClientApplying;
import cn.certflow.portal.ClientRecords;
import cn.certflow.portal.TimelineEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The calling client's certificates (issue 18, "Contract for scripts"): list, one with
 * its revisions, requests, documents and timeline, add a document at any stage of the
 * certificate's life. Another client's number answers 404 exactly as one that does not
 * exist.
 */
@RestController
@RequestMapping("/api/client/certificates")
@Tag(name = "客户接口：证书", description = "本单位的证书（只能看到和操作本单位的记录）")
class ClientCertificatesApi {

	private final ClientCaller caller;

	private final ClientRecords records;

	private final ClientApplying applying;

	ClientCertificatesApi(ClientCaller caller, ClientRecords records, ClientApplying applying) {
		this.caller = caller;
		this.records = records;
		this.applying = applying;
	}

	@GetMapping
	@Operation(summary = "本单位的全部证书（任何状态）")
	List<Certificate> list() {
		return this.records.certificates(this.caller.account());
	}

	@GetMapping("/{number}")
	@Operation(summary = "本单位的一张证书：证书、各版本、变更等申请、文件、时间线", description = "其他单位的证书编号与不存在的编号同样返回 404")
	CertificateView get(@PathVariable String number) {
		ClientAccount client = this.caller.account();
		Certificate certificate = this.records.certificate(client, number);
		return new CertificateView(certificate, this.records.revisions(client, number),
				this.records.requests(client, number),
				this.records.documents(client, DocumentOwner.certificate(certificate.number())),
				this.records.certificateTimeline(client, number));
	}

	@PostMapping(path = "/{number}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "为本单位的证书上传文件（type：文件类型，file：PDF、OFD、JPEG、PNG、DOCX、XLSX）")
	ResponseEntity<DocumentInfo> upload(@PathVariable String number,
			@RequestParam(name = "type", required = false) String type,
			@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
		ClientAccount client = this.caller.account();
		DocumentInfo info = ClientUploads.upload(this.applying, client, DocumentOwner.certificate(number), type, file);
		return ResponseEntity.created(URI.create("/api/client/documents/" + info.id())).body(info);
	}

	record CertificateView(Certificate certificate, List<CertificateRevision> revisions,
			List<CertificateRequest> requests, List<DocumentInfo> documents, List<TimelineEntry> timeline) {
	}

}
