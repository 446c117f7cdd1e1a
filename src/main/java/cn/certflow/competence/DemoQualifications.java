package cn.certflow.competence;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.certflow.system.EngineTime;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only (R-COMP-1): the demo staff accounts' qualifications, for every scheme
 * in the technical-area groups the demo and the tests apply in (01 机械和设备…, 29 …), so that
 * a demo certification finds qualified people at every step; one more that expires in 45
 * days, so that the register page shows an expiry warning.
 */
@Component
@Profile("demo")
@Order(2)
class DemoQualifications implements ApplicationRunner {

	static final Map<String, List<QualificationRole>> ROLES = Map.of("reviewer",
			List.of(QualificationRole.DOCUMENT_REVIEWER), "lead", List.of(QualificationRole.LEAD_AUDITOR), "auditor",
			List.of(QualificationRole.AUDITOR), "dual", List.of(QualificationRole.AUDITOR, QualificationRole.DECIDER),
			"decider", List.of(QualificationRole.DECIDER));

	static final List<String> SCHEMES = List.of("PCEC", "ZHHT", "CQM");

	static final List<String> AREAS = List.of("01", "29");

	private final Qualifications qualifications;

	DemoQualifications(Qualifications qualifications) {
		this.qualifications = qualifications;
	}

	@Override
	public void run(ApplicationArguments args) {
		LocalDate from = LocalDate.of(2020, 1, 1);
		LocalDate until = LocalDate.of(2099, 12, 31);
		ROLES.forEach((user, roles) -> roles.forEach((role) -> SCHEMES.forEach(
				(scheme) -> AREAS.forEach((area) -> this.qualifications.ensure(user, role, scheme, area, from, until,
						"演示数据：" + role.title() + "注册证书 DEMO-" + user.toUpperCase(java.util.Locale.ROOT), "admin")))));
		this.qualifications.ensure("auditor", QualificationRole.AUDITOR, "CQM", "35.01", from,
				EngineTime.today().plusDays(45), "演示数据：即将到期的审查员资格", "admin");
	}

}
