package cn.certflow.portal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import cn.certflow.system.EngineTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables client_account and client_account_link (V30). */
@Repository
class ClientAccountRepository {

	/** A set-password link as stored: its token only as SHA-256. */
	record Link(long id, String userId, OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime usedAt,
			String mailedTo) {
	}

	private static final String ACCOUNT = "select a.user_id, a.client_id, c.credit_code, c.name, a.email"
			+ " from client_account a join client c on c.id = a.client_id";

	private final JdbcClient jdbc;

	ClientAccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ClientAccount> find(String userId) {
		return this.jdbc.sql(ACCOUNT + " where a.user_id = ?").param(userId).query(this::account).optional();
	}

	List<ClientAccount> ofClient(long clientId) {
		return this.jdbc.sql(ACCOUNT + " where a.client_id = ? order by a.created_at, a.user_id")
			.param(clientId)
			.query(this::account)
			.list();
	}

	void insert(String userId, long clientId, String email, String by) {
		this.jdbc.sql(
				"insert into client_account (user_id, client_id, email, created_by, created_at) values (?, ?, ?, ?, ?)")
			.params(userId, clientId, email, by, EngineTime.now())
			.update();
	}

	void insertLink(String userId, String tokenHash, String by, OffsetDateTime expiresAt) {
		this.jdbc
			.sql("insert into client_account_link (user_id, token_hash, created_by, created_at, expires_at)"
					+ " values (?, ?, ?, ?, ?)")
			.params(userId, tokenHash, by, EngineTime.now(), expiresAt)
			.update();
	}

	void markMailed(String tokenHash, String to) {
		this.jdbc.sql("update client_account_link set mailed_to = ? where token_hash = ?")
			.params(to, tokenHash)
			.update();
	}

	Optional<Link> link(String tokenHash) {
		return this.jdbc
			.sql("select id, user_id, created_at, expires_at, used_at, mailed_to from client_account_link"
					+ " where token_hash = ?")
			.param(tokenHash)
			.query(this::toLink)
			.optional();
	}

	List<Link> links(String userId) {
		return this.jdbc
			.sql("select id, user_id, created_at, expires_at, used_at, mailed_to from client_account_link"
					+ " where user_id = ? order by id")
			.param(userId)
			.query(this::toLink)
			.list();
	}

	/**
	 * Marks the link used unless it was already: false when another request used it
	 * first.
	 */
	boolean use(long linkId) {
		return this.jdbc.sql("update client_account_link set used_at = ? where id = ? and used_at is null")
			.params(EngineTime.now(), linkId)
			.update() == 1;
	}

	/**
	 * Every open link of the account becomes void (a new one was made, or the password
	 * set).
	 */
	void voidOpenLinks(String userId) {
		this.jdbc.sql("update client_account_link set used_at = ? where user_id = ? and used_at is null")
			.params(EngineTime.now(), userId)
			.update();
	}

	private ClientAccount account(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new ClientAccount(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5));
	}

	private Link toLink(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Link(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
				rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), rs.getString(6));
	}

}
