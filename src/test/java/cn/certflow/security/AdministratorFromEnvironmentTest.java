package cn.certflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Outside the demo profile the only account is the administrator named by
 * CERTFLOW_ADMIN_USER / _PASSWORD.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "certflow.admin.user=boss", "certflow.admin.password=s3cret-Passw0rd" })
@ActiveProfiles("test")
class AdministratorFromEnvironmentTest {

	@Autowired
	IdentityService identity;

	@Test
	void shouldCreateOnlyTheConfiguredAdministrator() {
		assertThat(this.identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("boss");
		assertThat(this.identity.createUserQuery().userId("boss").memberOfGroup(Groups.ADMINS).count()).isOne();
		assertThat(this.identity.checkPassword("boss", "s3cret-Passw0rd")).isTrue();
		assertThat(this.identity.checkPassword("boss", "boss")).isFalse();
	}

}
