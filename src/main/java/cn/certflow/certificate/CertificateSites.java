package cn.certflow.certificate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import cn.certflow.application.ApplicationService;
import org.springframework.stereotype.Service;

/**
 * The sites a certificate covers now (PCEC 10.3, from which a surveillance samples one):
 * the sites applied for, with every premises change of the certificate's revisions
 * applied — the old address replaced by the new one, or the new premises added when the
 * old address was not a site.
 */
@Service
public class CertificateSites {

	private final CertificateService certificates;

	private final ApplicationService applications;

	CertificateSites(CertificateService certificates, ApplicationService applications) {
		this.certificates = certificates;
		this.applications = applications;
	}

	/** The certificate's current sites, in the order applied for. */
	public List<String> of(String certificateNumber) {
		Certificate certificate = this.certificates.get(certificateNumber);
		List<String> sites = new ArrayList<>(
				Arrays.stream(this.applications.byId(certificate.applicationId()).sites().split("\\R"))
					.map(String::trim)
					.filter(s -> !s.isEmpty())
					.toList());
		List<CertificateRevision> revisions = this.certificates.revisions(certificateNumber);
		for (int i = 1; i < revisions.size(); i++) {
			String before = revisions.get(i - 1).holderAddress();
			String after = revisions.get(i).holderAddress();
			if (after == null || Objects.equals(before, after)) {
				continue;
			}
			int moved = sites.indexOf(before);
			if (moved >= 0) {
				sites.set(moved, after);
			}
			else if (!sites.contains(after)) {
				sites.add(after);
			}
		}
		return sites;
	}

}
