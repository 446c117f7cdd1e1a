package cn.certflow.security;

import java.util.function.Consumer;

import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.OptimisticLockingListener;
import org.camunda.bpm.engine.impl.db.entitymanager.OptimisticLockingResult;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperation;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's database identity provider (ACT_ID_*) with three changes (issue 15 point 3):
 * <ul>
 * <li><b>No account lock-out.</b> Camunda counts wrong passwords per account, refuses
 * even the right one while the account is locked and locks it for good after
 * {@code loginMaxAttempts}: anyone who knows a login id could lock out its owner, the
 * only administrator included. A wrong password here only answers "no";
 * {@link LoginThrottle} slows the guessing down per source address (and source + account)
 * in front of every login.</li>
 * <li><b>Hashes upgraded at login.</b> A password stored with an older hash (Camunda's
 * SHA-512, or PBKDF2 with fewer iterations than configured) is hashed anew with
 * {@link PasswordHashing} when its owner next logs in with it, in the same command. Two
 * logins racing to upgrade the same account: the loser's update is dropped, its login
 * stands.</li>
 * <li><b>Unlock lifts the throttle.</b> An administrator's "unlock user" (Admin,
 * {@code IdentityService.unlockUser}, {@code POST /engine-rest/user/{id}/unlock}) clears
 * Camunda's own counter and {@link LoginThrottle}'s delays on the account (on the node
 * that served it).</li>
 * </ul>
 * A password checked right is remembered for a few minutes ({@link VerifiedPasswords}),
 * so that HTTP Basic clients do not pay the slow hash with every request.
 */
class AccountIdentityProvider extends DbIdentityServiceProvider {

	private final PasswordHashing hashing;

	private final VerifiedPasswords verified;

	private final Consumer<String> onUnlock;

	AccountIdentityProvider(PasswordHashing hashing, VerifiedPasswords verified, Consumer<String> onUnlock) {
		this.hashing = hashing;
		this.verified = verified;
		this.onUnlock = onUnlock;
	}

	@Override
	public boolean checkPassword(String userId, String password) {
		UserEntity user = (userId != null) ? findUserById(userId) : null;
		if (user == null || password == null || user.getPassword() == null) {
			return false;
		}
		if (this.verified.recentlyVerified(userId, password, user.getPassword())) {
			return true;
		}
		if (!matchPassword(password, user)) {
			return false;
		}
		// a counter or lock left by Camunda's lock-out (before this provider) is cleared
		// as Camunda would
		unlockUser(user);
		if (this.hashing.isOutdated(user.getPassword())) {
			upgrade(user, password);
		}
		else {
			this.verified.verified(userId, password, user.getPassword());
		}
		return true;
	}

	@Override
	public IdentityOperationResult unlockUser(String userId) {
		IdentityOperationResult result = super.unlockUser(userId);
		this.onUnlock.accept(userId);
		return result;
	}

	private void upgrade(UserEntity user, String password) {
		getDbEntityManager().registerOptimisticLockingListener(new LostUpgradeIgnored());
		user.setPassword(password);
		saveUser(user);
	}

	/** Another login upgraded the same account first: its hash is as good as ours. */
	private static final class LostUpgradeIgnored implements OptimisticLockingListener {

		@Override
		public Class<? extends DbEntity> getEntityType() {
			return UserEntity.class;
		}

		@Override
		public OptimisticLockingResult failedOperation(DbOperation operation) {
			return OptimisticLockingResult.IGNORE;
		}

	}

	/**
	 * Opens one provider per command, for the engine's read-only and writable identity
	 * sessions alike.
	 */
	static final class Factory implements SessionFactory {

		private final PasswordHashing hashing;

		private final VerifiedPasswords verified;

		private final Consumer<String> onUnlock;

		Factory(PasswordHashing hashing, VerifiedPasswords verified, Consumer<String> onUnlock) {
			this.hashing = hashing;
			this.verified = verified;
			this.onUnlock = onUnlock;
		}

		@Override
		public Class<?> getSessionType() {
			return AccountIdentityProvider.class;
		}

		@Override
		public Session openSession() {
			return new AccountIdentityProvider(this.hashing, this.verified, this.onUnlock);
		}

	}

}
