package cn.certflow.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.system.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * The one way a notice to a client or a complainant is written (issue 18 point 6): one
 * template per {@link NoticeKind}, the row written in the caller's transaction (the same
 * as the status change it reports: rolled back together) with its own delivery job
 * ({@link NoticeDeliveryProcess}: e-mailed at once, retried with backoff, an incident in
 * Cockpit while the mail server stays down, nothing lost); and the inboxes that read
 * them.
 */
@Service
public class Notices {

	private final ClientNoticeRepository notices;

	private final NoticeTemplates templates;

	private final CurrentUser currentUser;

	private final NoticeDeliveryProcess delivery;

	Notices(ClientNoticeRepository notices, NoticeTemplates templates, CurrentUser currentUser,
			NoticeDeliveryProcess delivery) {
		this.notices = notices;
		this.templates = templates;
		this.currentUser = currentUser;
		this.delivery = delivery;
	}

	/** {@link #send(NoticeKind, NoticeTo, Map, String)} by the current user. */
	public long send(NoticeKind kind, NoticeTo to, Map<String, ?> model) {
		return send(kind, to, model, this.currentUser.id());
	}

	/**
	 * Writes a notice of {@code kind} about {@code to}, its text filled from
	 * {@code model}, by {@code by}; returns its id. The template may also name what the
	 * notice is about without the caller giving it: application, client; and, for a
	 * certificate, certificate, holder, grade, standard, issuedOn, expiresOn, revision.
	 * @throws IllegalArgumentException when the model lacks a value the template needs
	 */
	public long send(NoticeKind kind, NoticeTo to, Map<String, ?> model, String by) {
		ClientNoticeRepository.Owner owner = this.notices.owner(to);
		Map<String, Object> values = new HashMap<>(owner.model());
		values.putAll(model);
		NoticeTemplates.Text text = this.templates.render(kind, values);
		long id = this.notices.insert(kind, to, owner, text.subject(), text.body(), by);
		this.delivery.start(id);
		return id;
	}

	/** The inbox of a client (unified social credit code), newest first. */
	public List<ClientNotice> forClient(String creditCode) {
		return this.notices.ofClient(creditCode);
	}

	/** Every notice about an application, oldest first. */
	public List<ClientNotice> forApplication(String number) {
		return this.notices.ofApplication(number);
	}

	/** Every notice about a certificate, oldest first. */
	public List<ClientNotice> forCertificate(String number) {
		return this.notices.ofCertificate(number);
	}

	/** Every notice about an appeal or complaint case, oldest first. */
	public List<ClientNotice> forCase(String number) {
		return this.notices.ofCase(number);
	}

}
