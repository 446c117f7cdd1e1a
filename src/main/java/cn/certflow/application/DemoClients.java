package cn.certflow.application;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Demo profile only: a few sample clients with valid credit codes, to try the application form with. */
@Component
@Profile("demo")
class DemoClients implements ApplicationRunner {

	private final ApplicationRepository applications;

	DemoClients(ApplicationRepository applications) {
		this.applications = applications;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.applications.ensureClient("天津海河家电售后服务有限公司", "天津市红桥区丁字沽三号路85号", "91350100M000100Y43", "有限责任公司");
		this.applications.ensureClient("北京中关村电脑服务股份有限公司", "北京市海淀区中关村大街1号", "91120000103100784F", "股份有限公司");
		String code = "91310000MA1K3Y0Q0";
		this.applications.ensureClient("上海浦江电梯维保有限公司", "上海市浦东新区世纪大道100号", code + CreditCode.checkCharacter(code),
				"有限责任公司");
	}

}
