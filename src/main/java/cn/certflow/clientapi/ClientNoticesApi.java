package cn.certflow.clientapi;

import java.time.OffsetDateTime;
import java.util.List;

import cn.certflow.notification.ClientNotice;
import cn.certflow.portal.ClientRecords;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calling client's inbox (issue 18, "Contract for scripts"): every notice the
 * certification body sent it, newest first, without the mail server's delivery details.
 */
@RestController
@Tag(name = "客户接口：通知", description = "认证机构发给本单位的通知")
class ClientNoticesApi {

	private final ClientCaller caller;

	private final ClientRecords records;

	ClientNoticesApi(ClientCaller caller, ClientRecords records) {
		this.caller = caller;
		this.records = records;
	}

	@GetMapping("/api/client/notices")
	@Operation(summary = "本单位收到的全部通知，最新的在前")
	List<NoticeView> notices() {
		return this.records.notices(this.caller.account()).stream().map(NoticeView::of).toList();
	}

	/** A notice as the client reads it. */
	record NoticeView(long id, String kind, String subject, String body, OffsetDateTime createdAt,
			String applicationNumber, String certificateNumber, String caseNumber, OffsetDateTime sentAt) {

		static NoticeView of(ClientNotice notice) {
			return new NoticeView(notice.id(), notice.kind(), notice.subject(), notice.body(), notice.createdAt(),
					notice.applicationNumber(), notice.certificateNumber(), notice.caseNumber(), notice.sentAt());
		}

	}

}
