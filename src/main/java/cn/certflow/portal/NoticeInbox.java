package cn.certflow.portal;

import java.util.List;
import java.util.Set;

import cn.certflow.notification.ClientNotice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client account's inbox (issue 18 point 6): its client's notices, newest first, each
 * marked unread until this account opens it (each contact person has their own inbox
 * state).
 */
@Service
class NoticeInbox {

	/** A notice as the inbox lists it. */
	record Entry(ClientNotice notice, boolean unread) {
	}

	private final ClientRecords records;

	private final NoticeReadRepository reads;

	NoticeInbox(ClientRecords records, NoticeReadRepository reads) {
		this.records = records;
		this.reads = reads;
	}

	List<Entry> entries(ClientAccount account) {
		Set<Long> opened = this.reads.openedBy(account.userId());
		return this.records.notices(account).stream().map((n) -> new Entry(n, !opened.contains(n.id()))).toList();
	}

	/** One notice of the account's client, now read; 404 for any other. */
	@Transactional
	ClientNotice open(ClientAccount account, long id) {
		ClientNotice notice = this.records.notice(account, id);
		this.reads.opened(notice.id(), account.userId());
		return notice;
	}

}
