package cn.certflow.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ClientRecord;
import cn.certflow.application.ClientRegister;
import cn.certflow.security.Groups;
import cn.certflow.system.AsEngine;
import cn.certflow.system.EngineTime;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.NotFoundException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Client accounts (issue 18): Camunda identity users in the group {@code clients} and in
 * their client's own group {@code client-<creditCode>} ({@link Groups#client}, the
 * candidate group of the client's tasks), mapped to their client by our table
 * client_account; a client may have several. An account is made without a password, with
 * a one-time link to set it, valid {@link #LINK_VALID_DAYS} days; only the link's SHA-256
 * is kept. The link is e-mailed when mail is configured ({@link SetPasswordMail}) and
 * otherwise shown once to the reviewer who made it. The password policy is the staff's
 * (AccountSecurityPlugin).
 */
@Service
public class ClientAccounts {

	/** How long a set-password link stays valid. */
	public static final int LINK_VALID_DAYS = 7;

	/**
	 * Login ids: letters, digits and hyphens (the engine's resource id pattern), 3–64.
	 */
	static final String USER_ID_PATTERN = "[a-zA-Z0-9][a-zA-Z0-9-]{2,63}";

	static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * A link made: the account, the link (shown once: only its hash is kept), until when,
	 * and where it was e-mailed (null: not e-mailed).
	 */
	public record Invitation(String userId, String link, OffsetDateTime expiresAt, String mailedTo) {
	}

	/** An account as a reviewer sees it: with the state of its last link. */
	public record AccountView(String userId, String email, String linkState, OffsetDateTime linkExpiresAt) {
	}

	private final ClientAccountRepository accounts;

	private final ClientRegister clients;

	private final IdentityService identity;

	private final SetPasswordMail mail;

	private final AsEngine asEngine;

	private final String baseUrl;

	ClientAccounts(ClientAccountRepository accounts, ClientRegister clients, IdentityService identity,
			SetPasswordMail mail, AsEngine asEngine, @Value("${certflow.public-base-url}") String baseUrl) {
		this.accounts = accounts;
		this.asEngine = asEngine;
		this.clients = clients;
		this.identity = identity;
		this.mail = mail;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/**
	 * The client account of this user, if it is one: in the group {@code clients} now and
	 * mapped to a client.
	 */
	public Optional<ClientAccount> of(String userId) {
		if (userId == null || userId.isBlank()) {
			return Optional.empty();
		}
		if (this.identity.createUserQuery().userId(userId).memberOfGroup(Groups.CLIENTS).count() == 0) {
			return Optional.empty();
		}
		return this.accounts.find(userId);
	}

	/** The client on record under this credit code; 404 when there is none. */
	public ClientRecord client(String creditCode) {
		return this.clients.onRecord(creditCode)
			.orElseThrow(() -> new NotFoundException("creditCode", "没有统一社会信用代码为 " + creditCode + " 的客户"));
	}

	public List<AccountView> ofClient(String creditCode) {
		ClientRecord client = client(creditCode);
		return this.accounts.ofClient(client.id()).stream().map(this::view).toList();
	}

	/**
	 * A new account for a contact person of the client, with its set-password link
	 * (e-mailed when mail is configured). Bad input: 400 naming the field, nothing made.
	 */
	@Transactional
	public Invitation create(String creditCode, String userId, String email, String name, String by) {
		ClientRecord client = client(creditCode);
		if (userId == null || !userId.matches(USER_ID_PATTERN)) {
			throw new InvalidInputException("userId", "登录名须为 3–64 个字母、数字或连字符");
		}
		if (this.identity.createUserQuery().userId(userId).count() > 0) {
			throw new InvalidInputException("userId", "登录名 " + userId + " 已被使用");
		}
		String mailTo = (email == null || email.isBlank()) ? null : email.strip();
		if (mailTo != null && (mailTo.length() > 254 || !mailTo.matches(EMAIL_PATTERN))) {
			throw new InvalidInputException("email", "请填写有效的电子邮箱，例如 service@example.com");
		}
		String shownName = (name == null || name.isBlank()) ? client.name() : name.strip();
		if (shownName.length() > 100 || shownName.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidInputException("name", "联系人姓名最多 100 个字符，不含控制字符");
		}
		// the reviewer's page checked who may do this; the identity calls run as the
		// application (reviewers have no right to create users in Admin)
		this.asEngine.run(() -> {
			User user = this.identity.newUser(userId);
			user.setFirstName(shownName);
			user.setLastName("");
			user.setEmail(mailTo);
			// no password yet: the client sets it through the link (the policy applies
			// then)
			((IdentityServiceImpl) this.identity).saveUser(user, true);
			this.identity.createMembership(userId, Groups.CLIENTS);
			joinClientGroup(userId, client);
		});
		this.accounts.insert(userId, client.id(), mailTo, by);
		return link(userId, mailTo, by);
	}

	/** A new set-password link for the account; its earlier open links become void. */
	@Transactional
	public Invitation newLink(String creditCode, String userId, String by) {
		ClientRecord client = client(creditCode);
		ClientAccount account = this.accounts.find(userId)
			.filter(a -> a.clientId() == client.id())
			.orElseThrow(() -> new NotFoundException("userId", "该客户没有登录名为 " + userId + " 的账户"));
		this.accounts.voidOpenLinks(userId);
		return link(userId, account.email(), by);
	}

	/**
	 * An application registered with a contact e-mail: where its client has no account
	 * yet, one is made for the contact with a set-password link.
	 */
	@Transactional
	public Optional<Invitation> forApplicationContact(ApplicationRecord application, String by) {
		if (application.contactEmail() == null || application.contactEmail().isBlank()) {
			return Optional.empty();
		}
		if (!this.accounts.ofClient(application.clientId()).isEmpty()) {
			return Optional.empty();
		}
		String base = application.creditCode().toLowerCase(java.util.Locale.ROOT);
		String userId = base;
		for (int n = 2; this.identity.createUserQuery().userId(userId).count() > 0; n++) {
			userId = base + "-" + n;
		}
		return Optional
			.of(create(application.creditCode(), userId, application.contactEmail(), application.clientName(), by));
	}

	/** The account a link would set the password of, if the link is valid now. */
	public Optional<String> linkAccount(String token) {
		return validLink(token).map(ClientAccountRepository.Link::userId);
	}

	/**
	 * Sets the account's password through a valid link, once; the password policy applies
	 * (400 naming {@code password}).
	 */
	@Transactional
	public String setPassword(String token, String password, String repeated) {
		ClientAccountRepository.Link link = validLink(token).orElseThrow(
				() -> new InvalidInputException("token", "链接无效、已使用或已过期（有效期 " + LINK_VALID_DAYS + " 天），请联系认证机构重新发送"));
		if (password == null || password.isEmpty()) {
			throw new InvalidInputException("password", "请输入新密码");
		}
		if (!password.equals(repeated)) {
			throw new InvalidInputException("repeated", "两次输入的密码不一致");
		}
		User user = this.identity.createUserQuery().userId(link.userId()).singleResult();
		user.setPassword(password);
		try {
			this.identity.saveUser(user);
		}
		catch (BadUserRequestException ex) {
			throw new InvalidInputException("password",
					"密码不符合密码策略：至少 10 个字符，须含大写字母、小写字母、数字和特殊字符各至少 1 个，且不得包含登录名、姓名或电子邮箱");
		}
		if (!this.accounts.use(link.id())) {
			throw new InvalidInputException("token", "链接已被使用");
		}
		this.accounts.voidOpenLinks(link.userId());
		return link.userId();
	}

	/**
	 * Demo profile: an account with this password (policy exempt), unless it exists.
	 */
	void ensureDemoAccount(String creditCode, String userId, String name) {
		ClientRecord client = client(creditCode);
		if (this.identity.createUserQuery().userId(userId).count() == 0) {
			User user = this.identity.newUser(userId);
			user.setFirstName(name);
			user.setLastName("");
			user.setEmail(userId + "@client.example");
			user.setPassword(userId);
			((IdentityServiceImpl) this.identity).saveUser(user, true);
		}
		if (this.identity.createUserQuery().userId(userId).memberOfGroup(Groups.CLIENTS).count() == 0) {
			this.identity.createMembership(userId, Groups.CLIENTS);
		}
		joinClientGroup(userId, client);
		if (this.accounts.find(userId).isEmpty()) {
			this.accounts.insert(userId, client.id(), userId + "@client.example", "system");
		}
	}

	/**
	 * The account joins its client's group {@code client-<creditCode>}, made (named after
	 * the client) when it is the client's first account.
	 */
	private void joinClientGroup(String userId, ClientRecord client) {
		String groupId = Groups.client(client.creditCode());
		if (this.identity.createGroupQuery().groupId(groupId).count() == 0) {
			Group group = this.identity.newGroup(groupId);
			group.setName("客户 " + client.name());
			group.setType("CLIENT");
			this.identity.saveGroup(group);
		}
		if (this.identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
			this.identity.createMembership(userId, groupId);
		}
	}

	private Invitation link(String userId, String email, String by) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		OffsetDateTime expires = EngineTime.now().plusDays(LINK_VALID_DAYS);
		String hash = hash(token);
		this.accounts.insertLink(userId, hash, by, expires);
		String link = this.baseUrl + "/portal/password?token=" + token;
		String mailedTo = null;
		if (email != null && this.mail.send(email, userId, link, expires)) {
			this.accounts.markMailed(hash, email);
			mailedTo = email;
		}
		return new Invitation(userId, link, expires, mailedTo);
	}

	private Optional<ClientAccountRepository.Link> validLink(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return this.accounts.link(hash(token))
			.filter(l -> l.usedAt() == null && l.expiresAt().isAfter(EngineTime.now()));
	}

	private AccountView view(ClientAccount account) {
		List<ClientAccountRepository.Link> links = this.accounts.links(account.userId());
		ClientAccountRepository.Link last = links.isEmpty() ? null : links.get(links.size() - 1);
		String state;
		if (last == null) {
			state = "无链接（演示账户）";
		}
		else if (last.usedAt() != null) {
			state = "链接已使用或作废";
		}
		else if (last.expiresAt().isAfter(EngineTime.now())) {
			state = "待设置密码（链接有效）" + ((last.mailedTo() != null) ? "，已发邮件至 " + last.mailedTo() : "，未发邮件");
		}
		else {
			state = "链接已过期";
		}
		return new AccountView(account.userId(), account.email(), state, (last != null) ? last.expiresAt() : null);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
