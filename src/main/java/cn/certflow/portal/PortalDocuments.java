package cn.certflow.portal;

import java.io.IOException;
import java.io.UncheckedIOException;

import cn.certflow.document.DocumentInfo;
import cn.certflow.document.DocumentOwner;
import cn.certflow.document.Documents;
import cn.certflow.system.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

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
		model.addAttribute("allowedTypes", this.documents.allowedTypes(own));
		model.addAttribute("closedReason", this.documents.closedForUploads(own).orElse(null));
		model.addAttribute("maxSizeMb", this.documents.maxSize().toMegabytes());
		model.addAttribute("uploadPath", uploadPath);
	}

	/** Stores the file for the client's owner; 404 if the owner is not the client's. */
	DocumentInfo upload(ClientAccount account, DocumentOwner owner, String type, MultipartFile file) {
		DocumentOwner own = this.records.owner(account, owner);
		if (file == null) {
			throw new InvalidInputException("file", "请选择要上传的文件");
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
