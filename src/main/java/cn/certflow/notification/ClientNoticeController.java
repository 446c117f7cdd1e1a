package cn.certflow.notification;

import java.util.List;

import cn.certflow.application.ApplicationService;
import cn.certflow.security.ApiAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The notices to a client and whether each was e-mailed: who, when, to whom, or why not. */
@RestController
class ClientNoticeController {

	private final ClientNoticeService notices;

	private final ApplicationService applications;

	private final ApiAccess access;

	ClientNoticeController(ClientNoticeService notices, ApplicationService applications, ApiAccess access) {
		this.notices = notices;
		this.applications = applications;
		this.access = access;
	}

	@GetMapping("/api/applications/{number}/notices")
	List<ClientNotice> notices(@PathVariable String number) {
		this.access.requireAnyGroup(ApiAccess.STAFF);
		this.applications.get(number);
		return this.notices.ofApplication(number);
	}

}
