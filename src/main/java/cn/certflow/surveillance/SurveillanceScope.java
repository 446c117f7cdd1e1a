package cn.certflow.surveillance;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import cn.certflow.system.InvalidInputException;

/**
 * What the plan of an audit after certification covers: a multi-site client has one
 * representative site sampled (PCEC 10.3); a surveillance covers the follow-up of earlier
 * nonconformities and the use of certificate and mark (PCEC 10.1).
 */
final class SurveillanceScope {

	/** The content every surveillance plan confirms (PCEC 10.1). */
	static final Set<String> SURVEILLANCE_CONTENT = Set.of("NC_FOLLOW_UP", "CERTIFICATE_AND_MARK_USE");

	private SurveillanceScope() {
	}

	/**
	 * PCEC 10.3 (监督审查方式): with more than one site, a surveillance (annual or special; an
	 * audit as initial covers the client as a whole) samples one of the certificate's
	 * current sites; and every site is visited at least once per cycle: as long as a site
	 * has not been sampled in this cycle, the sample is one of those.
	 * @param sites the certificate's current sites (changes included)
	 * @param sampledThisCycle the sites sampled by the earlier surveillances of the cycle
	 */
	static void sampledSite(CertificateAudit.Kind kind, List<String> sites, Collection<String> sampledThisCycle,
			String sampled) {
		if (!kind.surveillance() || sites.size() <= 1) {
			return;
		}
		String site = (sampled != null) ? sampled.trim() : null;
		if (site == null || !sites.contains(site)) {
			throw new InvalidInputException(CertificateAudit.SAMPLED_SITE.getName(),
					"多场所的获证组织须抽取一个代表性场所，应为证书覆盖的场所之一：" + sites + "（PCEC 10.3）");
		}
		List<String> notYetVisited = sites.stream().filter(s -> !sampledThisCycle.contains(s)).toList();
		if (!notYetVisited.isEmpty() && !notYetVisited.contains(site)) {
			throw new InvalidInputException(CertificateAudit.SAMPLED_SITE.getName(),
					"每个场所在一个认证周期内至少审查一次：请抽取本周期尚未审查的场所之一：" + notYetVisited + "（PCEC 10.3）");
		}
	}

	/** PCEC 10.1: a surveillance's content includes {@link #SURVEILLANCE_CONTENT}. */
	static void content(CertificateAudit.Kind kind, List<String> content) {
		if (kind.surveillance() && !content.containsAll(SURVEILLANCE_CONTENT)) {
			throw new InvalidInputException(CertificateAudit.AUDIT_CONTENT.getName(), "a surveillance covers the"
					+ " follow-up of earlier nonconformities and the use of certificate and mark (PCEC 10.1)");
		}
	}

}
