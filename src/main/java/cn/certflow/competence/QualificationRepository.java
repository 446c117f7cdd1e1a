package cn.certflow.competence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.certflow.system.EngineTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The qualification and competence_check tables (R-COMP-1). */
@Repository
class QualificationRepository {

	private static final String COLUMNS = "q.id, q.user_id, q.role, q.scheme, q.technical_area, q.valid_from,"
			+ " q.valid_until, q.evidence, q.recorded_by, q.recorded_at";

	private final JdbcClient jdbc;

	QualificationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String userId, QualificationRole role, String scheme, String area, LocalDate from, LocalDate until,
			String evidence, String by) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into qualification (user_id, role, scheme, technical_area, valid_from, valid_until, evidence,"
					+ " recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(userId, role.name(), scheme, area, from, until, evidence, by, EngineTime.now())
			.update(key, "id");
		return key.getKey().longValue();
	}

	List<Qualification> all() {
		return this.jdbc.sql("select " + COLUMNS + " from qualification q order by q.user_id, q.role, q.id")
			.query((rs, n) -> qualification(rs, 0))
			.list();
	}

	List<Qualification> of(String userId) {
		return this.jdbc.sql("select " + COLUMNS + " from qualification q where q.user_id = ? order by q.id")
			.param(userId)
			.query((rs, n) -> qualification(rs, 0))
			.list();
	}

	boolean exists(String userId, QualificationRole role, String scheme, String area) {
		return this.jdbc
			.sql("select count(*) from qualification where user_id = ? and role = ? and scheme = ?"
					+ " and technical_area = ?")
			.params(userId, role.name(), scheme, area)
			.query(Integer.class)
			.single() > 0;
	}

	void recordHeld(String applicationNumber, String step, String person, QualificationRole role, long qualificationId,
			LocalDate day) {
		this.jdbc
			.sql("insert into competence_check (application_number, step, person, role, qualification_id, checked_on,"
					+ " checked_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(applicationNumber, step, person, role.name(), qualificationId, day, EngineTime.now())
			.update();
	}

	List<Qualification.Held> held(String applicationNumber) {
		return this.jdbc
			.sql("select c.application_number, c.step, c.person, c.role, c.checked_on, " + COLUMNS
					+ " from competence_check c join qualification q on q.id = c.qualification_id"
					+ " where c.application_number = ? order by c.id")
			.param(applicationNumber)
			.query((rs, n) -> new Qualification.Held(rs.getString(1), rs.getString(2), rs.getString(3),
					QualificationRole.valueOf(rs.getString(4)), qualification(rs, 5), rs.getObject(5, LocalDate.class)))
			.list();
	}

	private static Qualification qualification(ResultSet rs, int offset) throws SQLException {
		return new Qualification(rs.getLong(offset + 1), rs.getString(offset + 2),
				QualificationRole.valueOf(rs.getString(offset + 3)), rs.getString(offset + 4), rs.getString(offset + 5),
				rs.getObject(offset + 6, LocalDate.class), rs.getObject(offset + 7, LocalDate.class),
				rs.getString(offset + 8), rs.getString(offset + 9), rs.getObject(offset + 10, OffsetDateTime.class));
	}

}
