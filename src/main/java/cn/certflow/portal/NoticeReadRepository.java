package cn.certflow.portal;

import java.util.HashSet;
import java.util.Set;

import cn.certflow.system.EngineTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which notices each client account has opened (table client_notice_read). */
@Repository
class NoticeReadRepository {

	private final JdbcClient jdbc;

	NoticeReadRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the first opening; a later one changes nothing. */
	void opened(long noticeId, String userId) {
		this.jdbc
			.sql("insert into client_notice_read (notice_id, user_id, read_at) select ?, ?, ? where not exists"
					+ " (select 1 from client_notice_read where notice_id = ? and user_id = ?)")
			.params(noticeId, userId, EngineTime.now(), noticeId, userId)
			.update();
	}

	/** The ids of the notices the account has opened. */
	Set<Long> openedBy(String userId) {
		return new HashSet<>(this.jdbc.sql("select notice_id from client_notice_read where user_id = ?")
			.param(userId)
			.query(Long.class)
			.list());
	}

}
