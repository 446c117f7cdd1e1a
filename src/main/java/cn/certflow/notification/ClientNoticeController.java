package cn.certflow.notification;

import java.util.List;

import cn.certflow.security.ApiAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notices to a client and whether each was e-mailed: who, when, to whom, or why not.
 */
@RestController
class ClientNoticeController {

	private final ClientNoticeService notices;

	private final ApiAccess access;

	ClientNoticeController(ClientNoticeService notices, ApiAccess access) {
		this.notices = notices;
		this.access = access;
	}

	@GetMapping("/api/applications/{number}/notices")
	List<ClientNotice> notices(@PathVariable String number) {
		this.access.requireApplication(number);
		return this.notices.ofApplication(number);
	}

}
