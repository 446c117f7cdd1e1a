package cn.certflow.clientapi;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.document.DocumentInfo;
import cn.certflow.document.DocumentOwner;
import cn.certflow.document.DocumentType;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The calling client's applications (issue 18, "Contract for scripts"): list, one with
 * its documents and timeline, apply, add a document. Only the caller's own: another
 * client's number answers 404 exactly as one that does not exist.
 */
@RestController
@RequestMapping("/api/client/applications")
@Tag(name = "客户接口：申请", description = "本单位的认证申请（只能看到和操作本单位的记录）")
class ClientApplicationsApi {

	private final ClientCaller caller;

	private final ClientRecords records;

	private final ClientApplying applying;

	ClientApplicationsApi(ClientCaller caller, ClientRecords records, ClientApplying applying) {
		this.caller = caller;
		this.records = records;
		this.applying = applying;
	}

	@GetMapping
	@Operation(summary = "本单位的全部申请，最新的在前")
	List<ApplicationRecord> list() {
		return this.records.applications(this.caller.account());
	}

	@GetMapping("/{number}")
	@Operation(summary = "本单位的一项申请：记录、文件、仍缺的必需文件、进程时间线", description = "其他单位的申请编号与不存在的编号同样返回 404")
	ApplicationView get(@PathVariable String number) {
		ClientAccount client = this.caller.account();
		ApplicationRecord application = this.records.application(client, number);
		DocumentOwner owner = DocumentOwner.application(application.number());
		return new ApplicationView(application, this.records.documents(client, owner),
				this.records.missingDocuments(client, owner), this.records.applicationTimeline(client, number));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "提交初次认证申请（统一社会信用代码为本账户所属单位的代码，不得在请求中填写）",
			description = "字段与 POST /api/applications 相同，但没有 creditCode；启动初次认证流程，返回申请编号")
	ResponseEntity<Map<String, String>> apply(@RequestBody ClientApplicationRequest request) {
		ClientAccount client = this.caller.account();
		var application = request.withCreditCode(client.creditCode());
		this.applying.check(client, application, null, List.of());
		String number = this.applying.apply(client, application, List.of());
		return ResponseEntity.created(URI.create("/api/client/applications/" + number)).body(Map.of("number", number));
	}

	@PostMapping(path = "/{number}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "为本单位的申请上传文件（type：文件类型，file：PDF、OFD、JPEG、PNG、DOCX、XLSX）")
	ResponseEntity<DocumentInfo> upload(@PathVariable String number,
			@RequestParam(name = "type", required = false) String type,
			@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
		ClientAccount client = this.caller.account();
		DocumentInfo info = ClientUploads.upload(this.applying, client, DocumentOwner.application(number), type, file);
		return ResponseEntity.created(URI.create("/api/client/documents/" + info.id())).body(info);
	}

	record ApplicationView(ApplicationRecord application, List<DocumentInfo> documents,
			List<DocumentType> missingDocuments, List<TimelineEntry> timeline) {
	}

}
