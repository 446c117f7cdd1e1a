package cn.certflow.bench;

import java.util.List;
import java.util.Random;

import cn.certflow.appeal.AppealCaseService;
import cn.certflow.appeal.AppealCaseService.CaseBody;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Complaints from the certified clients' customers, as the reviewer records them: about
 * one per thousand valid certificates and working day.
 */
final class ComplaintDesk {

	private final AppealCaseService cases;

	private final JdbcTemplate jdbc;

	int received;

	ComplaintDesk(AppealCaseService cases, JdbcTemplate jdbc) {
		this.cases = cases;
		this.jdbc = jdbc;
	}

	void receiveToday(Random random) {
		List<String> valid = this.jdbc.queryForList("select number from certificate where status = 'VALID'",
				String.class);
		if (valid.isEmpty() || random.nextInt(1000) >= valid.size()) {
			return;
		}
		String certificate = valid.get(random.nextInt(valid.size()));
		this.cases.receive(new CaseBody("COMPLAINT", certificate, null, "消费者王某", "上门维修超过承诺时限", "报修后五天无人上门，多次催促未果",
				"complainant@example.com"), "reviewer");
		this.received++;
	}

}
