package cn.certflow.clientapi;

import java.io.IOException;

import cn.certflow.document.DocumentInfo;
import cn.certflow.document.DocumentOwner;
import cn.certflow.portal.ClientAccount;
import cn.certflow.portal.ClientApplying;
import cn.certflow.system.InvalidInputException;
import org.springframework.web.multipart.MultipartFile;

/**
 * A document a client sends (multipart {@code type} and {@code file}) for one of its own
 * owners: whose the owner is comes first (404 for another client's, as for a missing
 * one), then the parts (400 naming {@code type} or {@code file}).
 */
final class ClientUploads {

	private ClientUploads() {
	}

	static DocumentInfo upload(ClientApplying applying, ClientAccount client, DocumentOwner owner, String type,
			MultipartFile file) throws IOException {
		if (file == null) {
			applying.requireOwn(client, owner);
			throw new InvalidInputException("file", "请选择要上传的文件（file is required）");
		}
		return applying.upload(client, owner, type, file.getOriginalFilename(), file.getContentType(), file.getBytes());
	}

}
