package cn.certflow.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Accounts in the process engine (issue 15 point 3): passwords hashed with PBKDF2
 * ({@link PasswordHashing}), Camunda's password policy on, and the identity provider
 * without Camunda's account lock-out that upgrades old hashes at login
 * ({@link AccountIdentityProvider}).
 * <p>
 * The policy is Camunda's default: at least 10 characters with an upper-case and a
 * lower-case letter, a digit and a special character, not containing the user's id, names
 * or e-mail. It applies to every password set through the identity service (Admin,
 * {@code /engine-rest/user/create}, {@code PUT /engine-rest/user/{id}/credentials}, the
 * first administrator from CERTFLOW_ADMIN_PASSWORD); only the demo profile's accounts
 * (password = user name) are created past it. Camunda refuses a weak password with a
 * generic ProcessEngineException (HTTP 500); this plugin turns it into a
 * BadUserRequestException (HTTP 400) that names the field and the rules in Chinese.
 */
@Component
class AccountSecurityPlugin extends AbstractProcessEnginePlugin {

	/** Camunda's message (SaveUserCmd) when a new password fails the policy. */
	static final String CAMUNDA_POLICY_MESSAGE = "Password does not match policy";

	static final String POLICY_REFUSAL = "password: 密码不符合密码策略——至少 10 个字符，须含大写字母、小写字母、数字和特殊字符各至少 1 个，"
			+ "且不得包含用户名、姓名或电子邮箱 (password does not match the password policy)";

	private final LoginThrottle throttle;

	private final int iterations;

	private final Duration verifiedFor;

	AccountSecurityPlugin(LoginThrottle throttle,
			@Value("${certflow.passwords.pbkdf2-iterations:310000}") int iterations,
			@Value("${certflow.passwords.remember-verified:PT5M}") Duration verifiedFor) {
		this.throttle = throttle;
		this.iterations = iterations;
		this.verifiedFor = verifiedFor;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		PasswordHashing hashing = new PasswordHashing(this.iterations);
		configuration.setPasswordEncryptor(hashing);
		configuration.setEnablePasswordPolicy(true);
		configuration.setIdentityProviderSessionFactory(new AccountIdentityProvider.Factory(hashing,
				new VerifiedPasswords(this.verifiedFor, Clock.systemUTC()), this.throttle::forgetAccount));
		if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
		}
		configuration.getCustomPreCommandInterceptorsTxRequired().add(new PolicyRefusal());
	}

	/**
	 * A password refused by the policy is bad input (400), said in Chinese, not an engine
	 * failure (500).
	 */
	static class PolicyRefusal extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			try {
				return this.next.execute(command);
			}
			catch (ProcessEngineException ex) {
				if (CAMUNDA_POLICY_MESSAGE.equals(ex.getMessage())) {
					throw new BadUserRequestException(POLICY_REFUSAL, ex);
				}
				throw ex;
			}
		}

	}

}
