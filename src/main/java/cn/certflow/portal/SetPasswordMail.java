package cn.certflow.portal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import cn.certflow.system.EngineTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mails a set-password link to a new client account, when a mail server is configured.
 * Without one (or when it fails) the link is shown to the reviewer who made it, who hands
 * it on; nothing is lost.
 */
@Component
class SetPasswordMail {

	private static final Logger log = LoggerFactory.getLogger(SetPasswordMail.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ObjectProvider<JavaMailSender> sender;

	private final String host;

	private final String from;

	SetPasswordMail(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host,
			@Value("${certflow.mail.from}") String from) {
		this.sender = sender;
		this.host = host;
		this.from = from;
	}

	/** Whether the link went out by e-mail. */
	boolean send(String to, String userId, String link, OffsetDateTime expires) {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (this.host.isBlank() || mail == null) {
			return false;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(to);
		message.setSubject("CertFlow 客户门户：请设置您的登录密码");
		message.setText("您好！\n\n认证机构已为贵单位开通客户门户账户，登录名：" + userId + "\n请在 "
				+ expires.atZoneSameInstant(EngineTime.ZONE).format(DAY) + " 之前打开以下链接设置密码（链接只能使用一次）：\n" + link
				+ "\n\n设置后请在 /portal/login 登录。如非本人申请，请忽略本邮件。");
		try {
			mail.send(message);
			return true;
		}
		catch (MailException ex) {
			log.warn("Set-password link for {} not e-mailed: {}", userId, ex.getMessage());
			return false;
		}
	}

}
