package cn.certflow.clientapi;

import java.nio.charset.StandardCharsets;

import cn.certflow.document.DocumentContent;
import cn.certflow.portal.ClientRecords;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A document of any of the calling client's owners (issue 18, "Contract for scripts"):
 * its bytes, under its clean name, never kept in a shared cache. Another client's
 * document id answers 404 exactly as one that does not exist.
 */
@RestController
@Tag(name = "客户接口：文件", description = "本单位的申请、证书等的文件")
class ClientDocumentsApi {

	private final ClientCaller caller;

	private final ClientRecords records;

	ClientDocumentsApi(ClientCaller caller, ClientRecords records) {
		this.caller = caller;
		this.records = records;
	}

	@GetMapping("/api/client/documents/{id}")
	@Operation(summary = "下载本单位的一份文件（响应头 X-Content-SHA256 为文件的 SHA-256）")
	ResponseEntity<byte[]> download(@PathVariable long id) {
		DocumentContent document = this.records.document(this.caller.account(), id);
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
