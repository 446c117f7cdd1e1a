package cn.certflow.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import cn.certflow.system.InvalidInputException;
import cn.certflow.system.NotFoundException;
import cn.certflow.web.StaffPage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The staff page of the documents of an application, a certificate, a request, a
 * corrective action or a case (issue 19.2, issue 18 "Staff side"): the list with type,
 * date, SHA-256 and uploader, each opened in the browser; the mandatory documents still
 * missing; several files uploaded at once, each with its type (drag and drop), all or
 * none. Who may see and add is the owning package's rule ({@link DocumentOwnerRules}: 404
 * to whoever may not see the owner, 403 to whoever sees it but may not add); the
 * signed-in person is the Tasklist login, so a Tasklist form's link opens a document
 * without a second login. Client accounts never reach it (they have the portal).
 */
@Controller
class DocumentPages extends StaffPage {

	/** Served to the browser as it is, never stored by a shared cache. */
	static final String NO_STORE = "private, no-store";

	private final Documents documents;

	DocumentPages(Documents documents) {
		this.documents = documents;
	}

	@GetMapping("/staff/documents/{kind}/{key}")
	String page(@PathVariable String kind, @PathVariable String key,
			@RequestParam(name = "uploaded", required = false) Integer uploaded, HttpServletRequest request,
			Model model) {
		DocumentOwner owner = owner(kind, key);
		this.documents.requireStaffReader(owner);
		List<DocumentInfo> list = this.documents.list(owner);
		model.addAttribute("title", owner.kind().word() + " " + key + " 的文件");
		model.addAttribute("owner", owner);
		model.addAttribute("documents", list);
		model.addAttribute("missing", this.documents.missingMandatory(owner));
		model.addAttribute("types", this.documents.allowedTypes(owner));
		model.addAttribute("closed", this.documents.closedForUploads(owner).orElse(null));
		model.addAttribute("mayUpload", mayUpload(owner));
		model.addAttribute("maxSize", this.documents.maxSize().toMegabytes() + " MB");
		model.addAttribute("maxBytes", this.documents.maxSize().toBytes());
		model.addAttribute("formats", DocumentFormat.NAMES);
		model.addAttribute("uploaded", uploaded);
		return "staff/documents";
	}

	@PostMapping(path = "/staff/documents/{kind}/{key}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String upload(@PathVariable String kind, @PathVariable String key,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(name = "types", required = false) List<String> types) throws IOException {
		DocumentOwner owner = owner(kind, key);
		String user = this.documents.requireStaffUploader(owner);
		List<MultipartFile> chosen = (files != null) ? files.stream().filter((f) -> !f.isEmpty()).toList() : List.of();
		if (chosen.isEmpty()) {
			throw new InvalidInputException("files", "请选择至少一个文件（可拖放到上传区域）");
		}
		if (types == null || types.size() != chosen.size()) {
			throw new InvalidInputException("types",
					"每个文件都要选择文件类型（" + chosen.size() + " 个文件，" + ((types != null) ? types.size() : 0) + " 个类型）");
		}
		List<Documents.Upload> uploads = new ArrayList<>();
		for (int i = 0; i < chosen.size(); i++) {
			MultipartFile file = chosen.get(i);
			uploads.add(new Documents.Upload(types.get(i), file.getOriginalFilename(), file.getContentType(),
					file.getBytes()));
		}
		int stored = this.documents.uploadAll(owner, uploads, user).size();
		return "redirect:" + owner.staffPath() + "?uploaded=" + stored;
	}

	@GetMapping("/staff/documents/{kind}/{key}/{id}")
	ResponseEntity<byte[]> open(@PathVariable String kind, @PathVariable String key, @PathVariable long id) {
		DocumentOwner owner = owner(kind, key);
		this.documents.requireStaffReader(owner);
		DocumentContent document = this.documents.open(owner, id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.info().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename(document.info().fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, NO_STORE)
			.header("X-Content-Type-Options", "nosniff")
			.header("X-Content-SHA256", document.info().sha256())
			.body(document.content());
	}

	private boolean mayUpload(DocumentOwner owner) {
		try {
			this.documents.requireStaffUploader(owner);
			return true;
		}
		catch (org.camunda.bpm.engine.AuthorizationException ex) {
			return false;
		}
	}

	private static DocumentOwner owner(String kind, String key) {
		return DocumentOwner.Kind.ofPath(kind)
			.map((k) -> new DocumentOwner(k, key))
			.orElseThrow(() -> new NotFoundException("kind", "没有这类文件归属：" + kind));
	}

}
