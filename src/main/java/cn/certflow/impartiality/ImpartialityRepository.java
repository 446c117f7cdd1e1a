package cn.certflow.impartiality;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.certflow.system.EngineTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Declarations (table conflict_of_interest) and checks (table impartiality_check). */
@Repository
class ImpartialityRepository {

	private static final String DECLARATION = "select id, user_id, credit_code, client_name, relationship, description,"
			+ " started_on, ended_on, declared_by, declared_at from conflict_of_interest";

	private static final String CHECK = "select application_number, audit_id, step, person, role, check_kind, result,"
			+ " details, acted_by, checked_at from impartiality_check";

	private final JdbcClient jdbc;

	ImpartialityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Declaration insert(String userId, DeclarationRequest request, String declaredBy) {
		KeyHolder key = new GeneratedKeyHolder();
		OffsetDateTime now = EngineTime.now();
		this.jdbc
			.sql("insert into conflict_of_interest (user_id, credit_code, client_name, relationship, description,"
					+ " started_on, ended_on, declared_by, declared_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(userId, request.creditCode(), request.clientName(), request.relationship().name(),
					request.description(), request.startedOn(), request.endedOn(), declaredBy, now)
			.update(key, "id");
		return new Declaration(key.getKey().longValue(), userId, request.creditCode(), request.clientName(),
				request.relationship(), request.description(), request.startedOn(), request.endedOn(), declaredBy, now);
	}

	List<Declaration> declarations(String userId, String creditCode) {
		return this.jdbc.sql(DECLARATION + " where user_id = ? and credit_code = ? order by id")
			.params(userId, creditCode)
			.query(ImpartialityRepository::declaration)
			.list();
	}

	List<Declaration> declarationsOf(String userId) {
		return this.jdbc.sql(DECLARATION + " where user_id = ? order by id")
			.param(userId)
			.query(ImpartialityRepository::declaration)
			.list();
	}

	List<Declaration> allDeclarations() {
		return this.jdbc.sql(DECLARATION + " order by id").query(ImpartialityRepository::declaration).list();
	}

	void insert(ImpartialityCheck check) {
		this.jdbc
			.sql("insert into impartiality_check (application_number, audit_id, step, person, role, check_kind,"
					+ " result, details, acted_by, checked_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(check.applicationNumber(), check.auditId(), check.step(), check.person(), check.role(),
					check.kind(), check.result(), check.details(), check.actedBy(), check.checkedAt())
			.update();
	}

	List<ImpartialityCheck> checks(String applicationNumber) {
		return this.jdbc.sql(CHECK + " where application_number = ? order by id")
			.param(applicationNumber)
			.query((rs, n) -> new ImpartialityCheck(rs.getString(1), rs.getObject(2, Long.class), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
					rs.getString(9), rs.getObject(10, OffsetDateTime.class)))
			.list();
	}

	private static Declaration declaration(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Declaration(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				Relationship.valueOf(rs.getString(5)), rs.getString(6), rs.getObject(7, LocalDate.class),
				rs.getObject(8, LocalDate.class), rs.getString(9), rs.getObject(10, OffsetDateTime.class));
	}

}
