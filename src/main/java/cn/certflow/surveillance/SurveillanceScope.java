package cn.certflow.surveillance;

import java.util.Arrays;
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
	 * PCEC 10.3: with more than one site (one a line), the sampled site must be one of
	 * them.
	 */
	static void sampledSite(String sitesOnRecord, String sampled) {
		List<String> sites = Arrays.stream(sitesOnRecord.split("\\R"))
			.map(String::trim)
			.filter(s -> !s.isEmpty())
			.toList();
		if (sites.size() > 1 && (sampled == null || sites.stream().noneMatch(s -> s.equals(sampled.trim())))) {
			throw new InvalidInputException(CertificateAudit.SAMPLED_SITE.getName(),
					"a multi-site client needs one representative site sampled, one of " + sites + " (PCEC 10.3)");
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
