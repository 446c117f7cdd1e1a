package cn.certflow.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 22, authorization lever: the engine skips the look-up of REVOKE authorizations in
 * every check ({@code authorizationCheckRevokes: never}), which is only right while no
 * REVOKE authorization exists — so none is made at start-up and none can be saved later.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class NoRevokeAuthorizationsTest {

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	ProcessEngine engine;

	@Test
	void shouldStartWithGrantsOnlyAndTheRevokeLookUpOff() {
		assertThat(((ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration())
			.getAuthorizationCheckRevokes()).isEqualToIgnoringCase("never");
		assertThat(this.authorizations.createAuthorizationQuery().count()).isPositive();
		assertThat(this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_REVOKE)
			.count()).isZero();
	}

	@Test
	void shouldRefuseARevokeAuthorizationInChineseAndSaveNothing() {
		long before = this.authorizations.createAuthorizationQuery().count();
		Authorization revoke = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
		revoke.setGroupId(Groups.REVIEWERS);
		revoke.setResource(Resources.PROCESS_DEFINITION);
		revoke.setResourceId("*");
		revoke.removePermission(Permissions.READ);

		assertThatThrownBy(() -> this.authorizations.saveAuthorization(revoke))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("REVOKE")
			.hasMessageContaining("撤销");
		assertThat(this.authorizations.createAuthorizationQuery().count()).isEqualTo(before);
	}

	@Test
	void shouldStillSaveAGrant() {
		Authorization grant = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setUserId("quality");
		grant.setResource(Resources.FILTER);
		grant.setResourceId("no-such-filter");
		grant.addPermission(Permissions.READ);
		this.authorizations.saveAuthorization(grant);
		assertThat(this.authorizations.createAuthorizationQuery().resourceId("no-such-filter").count()).isEqualTo(1);
		this.authorizations.deleteAuthorization(grant.getId());
	}

}
