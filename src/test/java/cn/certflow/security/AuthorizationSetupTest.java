package cn.certflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The grants at start-up are exact: a database set up by an earlier version loses what is
 * no longer granted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class AuthorizationSetupTest {

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	AuthorizationSetup setup;

	@Test
	void shouldTakeBackDeletingDeploymentsFromQualityManagers() {
		Authorization deployments = deploymentsOfQualityManagers();
		deployments.addPermission(Permissions.DELETE);
		this.authorizations.saveAuthorization(deployments);
		assertThat(deploymentsOfQualityManagers().isPermissionGranted(Permissions.DELETE)).isTrue();

		this.setup.apply();

		Authorization after = deploymentsOfQualityManagers();
		assertThat(after.isPermissionGranted(Permissions.DELETE)).as("R-GRD-DMN: tables are versioned, not removed")
			.isFalse();
		assertThat(after.isPermissionGranted(Permissions.CREATE)).isTrue();
		assertThat(after.isPermissionGranted(Permissions.READ)).isTrue();
	}

	private Authorization deploymentsOfQualityManagers() {
		return this.authorizations.createAuthorizationQuery()
			.groupIdIn(Groups.QUALITY_MANAGERS)
			.resourceType(Resources.DEPLOYMENT)
			.resourceId("*")
			.singleResult();
	}

}
