package cn.certflow.notification;

import java.util.List;

import cn.certflow.system.CurrentUser;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mails the notices to a client (R-APP-3, R-DEC-2, R-CERT-1). Without a mail server
 * configured, or without the client's contact e-mail, a notice is kept as not sent (for a
 * letter by post) and nothing fails. A mail server that does not answer fails the engine
 * step, which the job executor retries with backoff and finally reports as an incident in
 * Cockpit.
 * <p>
 * Each outcome of a sending attempt (sent, or failed with the error) is recorded in its
 * own transaction: an e-mail that went out stays marked sent even when a later notice of
 * the same step fails and the engine rolls back, so a retry sends only what is still
 * unsent.
 */
@Service
public class ClientNoticeService {

	private final ClientNoticeRepository notices;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final CurrentUser currentUser;

	private final TransactionTemplate ownTransaction;

	private final String mailHost;

	private final String from;

	private final String node;

	ClientNoticeService(ClientNoticeRepository notices, ObjectProvider<JavaMailSender> mailSender,
			CurrentUser currentUser, PlatformTransactionManager transactions,
			@Value("${spring.mail.host:}") String mailHost, @Value("${certflow.mail.from}") String from,
			@Value("${certflow.node-name}") String node) {
		this.notices = notices;
		this.mailSender = mailSender;
		this.currentUser = currentUser;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.mailHost = mailHost;
		this.from = from;
		this.node = node;
	}

	/**
	 * Sends every notice not yet sent of the application or certificate numbered
	 * {@code businessKey}.
	 * @throws NoticeNotSentException when the mail server fails (after recording the
	 * failure)
	 */
	public void sendUnsent(String businessKey) {
		for (ClientNotice notice : this.notices.unsent(businessKey)) {
			send(notice);
		}
	}

	/**
	 * Whether nobody has tried to send the notice yet (no process's mail step took it):
	 * then its own delivery ({@link NoticeDeliveryProcess}) sends it.
	 */
	public boolean untried(long noticeId) {
		return this.notices.find(noticeId)
			.filter((n) -> n.delivery() == NoticeDelivery.PENDING && n.attempts() == 0)
			.isPresent();
	}

	/**
	 * Sends one notice unless it was sent already.
	 * @throws NoticeNotSentException when the mail server fails (after recording the
	 * failure)
	 */
	public void sendIfUnsent(long noticeId) {
		this.notices.find(noticeId).filter((n) -> n.delivery() != NoticeDelivery.SENT).ifPresent(this::send);
	}

	public List<ClientNotice> ofApplication(String applicationNumber) {
		return this.notices.ofApplication(applicationNumber);
	}

	private void send(ClientNotice notice) {
		String by = this.currentUser.id() + "@" + this.node;
		// one sender per attempt: a process's mail step and the notice's own delivery job
		// may meet on the same notice
		if (!Boolean.TRUE
			.equals(this.ownTransaction.execute((status) -> this.notices.claim(notice.id(), notice.attempts(), by)))) {
			return;
		}
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (this.mailHost.isBlank() || sender == null) {
			this.notices.markNotSent(notice.id(), by, "not sent (no mail server configured)");
			return;
		}
		if (notice.contactEmail() == null) {
			this.notices.markNotSent(notice.id(), by, "not sent (no contact e-mail on the application)");
			return;
		}
		try {
			sender.send(message(sender, notice));
		}
		catch (MailException | MessagingException ex) {
			String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			this.ownTransaction.executeWithoutResult(
					(status) -> this.notices.markFailed(notice.id(), notice.contactEmail(), by, error));
			throw new NoticeNotSentException(notice, error, ex);
		}
		this.ownTransaction
			.executeWithoutResult((status) -> this.notices.markSent(notice.id(), notice.contactEmail(), by));
	}

	private MimeMessage message(JavaMailSender sender, ClientNotice notice) throws MessagingException {
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
		helper.setFrom(this.from);
		helper.setTo(notice.contactEmail());
		helper.setSubject(notice.mailSubject());
		helper.setText(notice.body());
		return message;
	}

}
