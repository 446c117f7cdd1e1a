package cn.certflow.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import cn.certflow.system.EngineTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Clients (table client) and the history of their records (table client_history), R-ID-1.
 */
@Repository
class ClientRepository {

	private final JdbcClient jdbc;

	ClientRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ClientRecord> find(String creditCode) {
		return this.jdbc.sql("select id, credit_code, name, address, legal_status from client where credit_code = ?")
			.param(creditCode)
			.query((rs, n) -> new ClientRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.optional();
	}

	long insert(String name, String address, String creditCode, String legalStatus) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into client (name, address, credit_code, legal_status, created_at) values (?, ?, ?, ?, ?)")
			.params(name, address, creditCode, legalStatus, EngineTime.now())
			.update(key, "id");
		return key.getKey().longValue();
	}

	void update(long id, String name, String address, String legalStatus) {
		this.jdbc.sql("update client set name = ?, address = ?, legal_status = ? where id = ?")
			.params(name, address, legalStatus, id)
			.update();
	}

	void recordHistory(long clientId, ClientHistoryEntry entry) {
		this.jdbc.sql("insert into client_history (client_id, kind, application_number, old_name, old_address,"
				+ " old_legal_status, new_name, new_address, new_legal_status, certificates, changed_by, changed_at)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(clientId, entry.kind(), entry.applicationNumber(), entry.oldName(), entry.oldAddress(),
					entry.oldLegalStatus(), entry.newName(), entry.newAddress(), entry.newLegalStatus(),
					entry.certificates(), entry.changedBy(), entry.changedAt())
			.update();
	}

	List<ClientHistoryEntry> history(String creditCode) {
		return this.jdbc.sql("select h.kind, h.application_number, h.old_name, h.old_address, h.old_legal_status,"
				+ " h.new_name, h.new_address, h.new_legal_status, h.certificates, h.changed_by, h.changed_at"
				+ " from client_history h join client c on c.id = h.client_id where c.credit_code = ? order by h.id")
			.param(creditCode)
			.query((rs, n) -> new ClientHistoryEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10), rs.getObject(11, OffsetDateTime.class)))
			.list();
	}

}
