package cn.certflow.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

import cn.certflow.document.DocumentType;

import cn.certflow.document.DocumentInfo;
import cn.certflow.document.DocumentOwner;
import cn.certflow.document.Documents;
import cn.certflow.system.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The documents part of a portal page (issue 18 point 2): the owner's documents, the
 * mandatory types still missing, and the upload form (the types the owner takes, or why
 * it takes none); and the upload itself, through {@link Documents} after the owner is
 * checked to be the client's. Bad input is refused naming the field, nothing stored.
 */
@Component
class PortalDocuments {

	private final ClientRecords records;

	private final Documents documents;

	PortalDocuments(ClientRecords records, Documents documents) {
		this.records = records;
		this.documents = documents;
	}

	/** Puts the owner's documents section in the model; 404 if it is not the client's. */
	void show(ClientAccount account, DocumentOwner owner, String uploadPath, Model model) {
		DocumentOwner own = this.records.owner(account, owner);
		model.addAttribute("documents", this.records.documents(account, own));
		model.addAttribute("missing", this.records.missingDocuments(account, own));
		model.addAttribute("allowedTypes",
				this.documents.allowedTypes(own)
					.stream()
					.filter((type) -> !ClientApplying.KEPT_BY_THE_BODY.contains(type))
					.toList());
		model.addAttribute("closedReason", this.documents.closedForUploads(own).orElse(null));
		model.addAttribute("maxSizeMb", this.documents.maxSize().toMegabytes());
		model.addAttribute("uploadPath", uploadPath);
	}

	/**
	 * Stores the upload of an owner's page and goes back to the page with what was
	 * stored; bad input shows the page again ({@code page}) with 400 and the messages
	 * naming the field, nothing stored; 404 if the owner is not the client's.
	 */
	String uploadThenShow(ClientAccount account, DocumentOwner owner, String type, MultipartFile file, String pagePath,
			HttpServletResponse response, Model model, RedirectAttributes redirect, Supplier<String> page) {
		try {
			DocumentInfo stored = upload(account, owner, type, file);
			redirect.addFlashAttribute("info", "已上传：" + stored.fileName() + "（SHA-256 " + stored.sha256() + "）");
			return "redirect:" + pagePath;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", PortalForms.messages(ex));
			model.addAttribute("chosenType", type);
			return page.get();
		}
	}

	/**
	 * Stores the file for the client's owner; 404 if the owner is not the client's. What
	 * the certification body looks up and keeps itself (the credit checks, R-CRED-1) is
	 * never the client's to upload.
	 */
	DocumentInfo upload(ClientAccount account, DocumentOwner owner, String type, MultipartFile file) {
		DocumentOwner own = this.records.owner(account, owner);
		if (file == null) {
			throw new InvalidInputException("file", "请选择要上传的文件");
		}
		if (type != null && ClientApplying.KEPT_BY_THE_BODY.stream().map(DocumentType::name).anyMatch(type::equals)) {
			throw new InvalidInputException("type",
					"该类文件由认证机构查询和留存，客户不能上传（type " + type + " is kept by the certification body）");
		}
		try {
			return this.documents.upload(own, type, file.getOriginalFilename(), file.getContentType(), file.getBytes(),
					account.userId());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
