package cn.certflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** CertFlow: after-sales service certification (GB/T 27922-2011) run on Camunda 7. */
@SpringBootApplication
public class CertFlowApplication {

	public static void main(String[] args) {
		SpringApplication.run(CertFlowApplication.class, args);
	}

}
