package cn.certflow.application;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: a few sample clients with valid credit codes, to try the application
 * form with. Registered only where no client is on record under the code (find-or-create
 * on purpose: seed data must not overwrite a record that a reviewer changed since); an
 * application under one of these codes with another name or address is shown to its
 * reviewer beside the record and decided there (R-ID-1).
 */
@Component
@Profile("demo")
@Order(2)
class DemoClients implements ApplicationRunner {

	private final ClientRegister clients;

	DemoClients(ClientRegister clients) {
		this.clients = clients;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.clients.registerIfAbsent("天津海河家电售后服务有限公司", "天津市红桥区丁字沽三号路85号", "91350100M000100Y43", "有限责任公司");
		this.clients.registerIfAbsent("北京中关村电脑服务股份有限公司", "北京市海淀区中关村大街1号", "91120000103100784F", "股份有限公司");
		String code = "91310000MA1K3Y0Q0";
		this.clients.registerIfAbsent("上海浦江电梯维保有限公司", "上海市浦东新区世纪大道100号", code + CreditCode.checkCharacter(code),
				"有限责任公司");
	}

}
