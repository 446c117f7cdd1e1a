package cn.certflow.certificate;

import java.util.regex.Pattern;

import cn.certflow.system.AsEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The 签发人 printed on a certificate (PCEC 13.1): the name of the person whose decision
 * issued it, from their Camunda profile, never their login id (issue 15 point 3: a login
 * id is half of what a password guesser needs). The record keeps the login id
 * ({@link Certificate#signatory()}, revisions' issued_by, status history): who signed
 * stays traceable inside; only what is printed changes. A Chinese name is printed family
 * name first without a space (刘洋), others given name first (Anna Meyer). Without a usable
 * name (no such account, no name, or a name that is just the login id) the certificate
 * names the certification body, which issues every certificate in its own name anyway,
 * and the gap is logged for an administrator to fill in the person's name in Admin.
 */
@Component
class Signatories {

	private static final Logger log = LoggerFactory.getLogger(Signatories.class);

	private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

	private final IdentityService identity;

	private final AsEngine asEngine;

	Signatories(IdentityService identity, AsEngine asEngine) {
		this.identity = identity;
		this.asEngine = asEngine;
	}

	/** The name to print as the certificate's 签发人. */
	String nameOf(Certificate certificate) {
		String userId = certificate.signatory();
		User user = (userId == null || userId.isBlank()) ? null
				: this.asEngine.call(() -> this.identity.createUserQuery().userId(userId).singleResult());
		String name = (user != null) ? personName(user.getFirstName(), user.getLastName()) : "";
		if (name.isEmpty() || name.equalsIgnoreCase(userId)) {
			log.warn("Certificate {}: signatory '{}' has no name in Camunda (Admin → Users); the certification body is "
					+ "printed as 签发人 instead", certificate.number(), userId);
			return certificate.certificationBody();
		}
		return name;
	}

	static String personName(String firstName, String lastName) {
		String first = (firstName != null) ? firstName.strip() : "";
		String last = (lastName != null) ? lastName.strip() : "";
		if (CJK.matcher(first + last).find()) {
			return last + first;
		}
		return (first + " " + last).strip();
	}

}
