package cn.certflow.notification;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * The one way a notice to a client or a complainant is written (issue 18 point 6): one
 * template per {@link NoticeKind}, the row written in the caller's transaction (the same
 * as the status change it reports: rolled back together), e-mailed by the process's mail
 * step ({@link ClientNoticeService}) with retries; and the inboxes that read them.
 */
@Service
public class Notices {

	private final ClientNoticeRepository notices;

	private final NoticeTemplates templates;

	Notices(ClientNoticeRepository notices, NoticeTemplates templates) {
		this.notices = notices;
		this.templates = templates;
	}

	/**
	 * Writes a notice of {@code kind} about {@code to}, its text filled from
	 * {@code model}, by {@code by}; returns its id.
	 * @throws IllegalArgumentException when the model lacks a value the template needs
	 */
	public long send(NoticeKind kind, NoticeTo to, Map<String, ?> model, String by) {
		NoticeTemplates.Text text = this.templates.render(kind, model);
		return this.notices.insert(kind, to, text.subject(), text.body(), by);
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
