package cn.certflow.security;

import java.lang.reflect.Field;
import java.util.ArrayList;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * CertFlow's authorizations are grants only (issue 22): the engine is configured with
 * {@code authorizationCheckRevokes: never} (application.yaml), so it does not look for
 * REVOKE authorizations in each authorization check. A REVOKE authorization saved later —
 * in Admin, through {@code /engine-rest/authorization} — would then be ignored without a
 * word, so saving one is refused (400, in Chinese): a person who wants to take a right
 * away deletes the grant or removes the group membership.
 * {@code NoRevokeAuthorizationsTest} checks both halves.
 */
@Component
class GrantsOnly extends AbstractProcessEnginePlugin {

	/**
	 * The engine's command that creates or updates an authorization, and its field
	 * holding it.
	 */
	static final String SAVE_COMMAND = "org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd";

	static final String REFUSAL = "type: 本系统只使用授予（GRANT）权限，不使用撤销（REVOKE）权限——要收回权限，请删除相应的授予或把用户移出用户组"
			+ " (REVOKE authorizations are not used: delete the grant instead)";

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
		}
		configuration.getCustomPreCommandInterceptorsTxRequired().add(new Refusal());
	}

	static final class Refusal extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			if (SAVE_COMMAND.equals(command.getClass().getName())
					&& savedType(command) == Authorization.AUTH_TYPE_REVOKE) {
				throw new BadUserRequestException(REFUSAL);
			}
			return this.next.execute(command);
		}

		private static int savedType(Command<?> command) {
			try {
				Field field = command.getClass().getDeclaredField("authorization");
				field.setAccessible(true);
				Authorization authorization = (Authorization) field.get(command);
				return (authorization != null) ? authorization.getAuthorizationType() : Authorization.AUTH_TYPE_GRANT;
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(SAVE_COMMAND + " changed: cannot tell a REVOKE authorization", ex);
			}
		}

	}

}
