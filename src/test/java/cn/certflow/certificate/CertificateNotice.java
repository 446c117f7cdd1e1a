package cn.certflow.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.certflow.notification.ClientNotice;
import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.Notices;

/**
 * The one notice of a kind about a certificate, written by the step that changed it
 * (issue 18 point 6: in that step's transaction), for the certificate process tests.
 */
final class CertificateNotice {

	private CertificateNotice() {
	}

	static ClientNotice theOne(Notices notices, String number, NoticeKind kind) {
		List<ClientNotice> written = notices.forCertificate(number)
			.stream()
			.filter((n) -> n.kind().equals(kind.name()))
			.toList();
		assertThat(written).as(kind + " notice about " + number).hasSize(1);
		assertThat(written.get(0).certificateNumber()).isEqualTo(number);
		return written.get(0);
	}

}
