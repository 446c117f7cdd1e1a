package cn.certflow.portal;

import java.util.List;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.ApplicationService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only (issue 18): two client accounts of two companies, {@code client}
 * (天津海河家电售后服务有限公司) and {@code client2} (北京中关村电脑服务股份有限公司), password = name, exempt from
 * the password policy, each with an application of its own to see — made once, where the
 * client has none yet (not in tests: {@code certflow.demo.client-applications=false},
 * application-test.yaml, so that the other tests' task lists stay as they were).
 */
@Component
@Profile("demo")
@Order(5)
class DemoClientAccounts implements ApplicationRunner {

	static final String CLIENT = "client";

	static final String CLIENT2 = "client2";

	static final String TIANJIN = "91350100M000100Y43";

	static final String BEIJING = "91120000103100784F";

	private final ClientAccounts accounts;

	private final ApplicationService applications;

	private final boolean withApplications;

	DemoClientAccounts(ClientAccounts accounts, ApplicationService applications,
			@Value("${certflow.demo.client-applications:true}") boolean withApplications) {
		this.accounts = accounts;
		this.applications = applications;
		this.withApplications = withApplications;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.accounts.ensureDemoAccount(TIANJIN, CLIENT, "王海河");
		this.accounts.ensureDemoAccount(BEIJING, CLIENT2, "赵中关");
		if (!this.withApplications) {
			return;
		}
		apply(TIANJIN, "天津海河家电售后服务有限公司", "天津市红桥区丁字沽三号路85号", "有限责任公司", "PCEC", "家用电器安装维修", "client@client.example");
		apply(BEIJING, "北京中关村电脑服务股份有限公司", "北京市海淀区中关村大街1号", "股份有限公司", "CQM", "计算机维修", "client2@client.example");
	}

	private void apply(String creditCode, String name, String address, String legalStatus, String scheme,
			String category, String email) {
		if (!this.applications.ofClient(creditCode).isEmpty()) {
			return;
		}
		this.applications
			.submit(new ApplicationRequest(name, address, creditCode, legalStatus, scheme, 3, "01.07",
					List.of(category), List.of(address), 40,
					List.of("APPLICATION_FORM", "BUSINESS_LICENSE", "COMPANY_PROFILE", "ORGANISATION_CHART",
							"SERVICE_MANAGEMENT_DOCUMENTS", "INTERNAL_AUDIT_REPORT", "RELATED_SYSTEM_DOCUMENTS"),
					email));
	}

}
