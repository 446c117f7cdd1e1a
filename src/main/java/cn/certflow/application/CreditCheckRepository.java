package cn.certflow.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.certflow.system.EngineTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The credit_check table (R-CRED-1). */
@Repository
class CreditCheckRepository {

	private final JdbcClient jdbc;

	CreditCheckRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long applicationId, CreditCheckKind kind, String lookedUp, CreditCheckResult result,
			LocalDate checkedOn, String recordedBy) {
		this.jdbc
			.sql("insert into credit_check (application_id, check_kind, looked_up, result, checked_on, recorded_by,"
					+ " recorded_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(applicationId, kind.name(), lookedUp, result.name(), checkedOn, recordedBy, EngineTime.now())
			.update();
	}

	/** Every lookup of the application, oldest first. */
	List<CreditCheck> list(long applicationId, String applicationNumber) {
		return this.jdbc
			.sql("select id, check_kind, looked_up, result, checked_on, recorded_by, recorded_at from credit_check"
					+ " where application_id = ? order by id")
			.param(applicationId)
			.query((rs, n) -> new CreditCheck(rs.getLong(1), applicationNumber,
					CreditCheckKind.valueOf(rs.getString(2)), rs.getString(3),
					CreditCheckResult.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), rs.getString(6),
					rs.getObject(7, OffsetDateTime.class)))
			.list();
	}

}
