package cn.certflow.certificate;

import cn.certflow.system.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The certificate's PDF for pages outside this package (issue 18 point 5: the client
 * portal), rendered as the staff pages render it ({@link CertificateDocument}), and the
 * public verification link printed on it (R-CERT-2). The caller checks who may see the
 * certificate first.
 */
@Service
public class CertificatePdf {

	private final CertificateService certificates;

	private final CertificateDocument document;

	CertificatePdf(CertificateService certificates, CertificateDocument document) {
		this.certificates = certificates;
		this.document = document;
	}

	/**
	 * One version of the certificate as a PDF: the current one as issued, an earlier one
	 * marked void; 404 (field {@code revision}) for a version that does not exist.
	 */
	public byte[] render(String number, int revision) {
		Certificate certificate = this.certificates.get(number);
		CertificateRevision version = this.certificates.revisions(number)
			.stream()
			.filter(r -> r.revision() == revision)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("revision", "证书 " + number + " 没有第 " + revision + " 版"));
		return this.document.render(certificate, version);
	}

	/** The file name of a version's PDF: {@code <number>-v<revision>.pdf}. */
	public static String fileName(String number, int revision) {
		return number + "-v" + revision + ".pdf";
	}

	/** The public verification page of the certificate (its QR code's target). */
	public String verificationUrl(String number) {
		return this.document.verificationUrl(number);
	}

}
