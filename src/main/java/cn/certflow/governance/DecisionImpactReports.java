package cn.certflow.governance;

import java.util.Optional;

/**
 * Where the impact report of a table version is (issue 23), for pages and files that link
 * it.
 */
@FunctionalInterface
public interface DecisionImpactReports {

	/**
	 * Staff page of the version's impact report; empty when the version has none (e.g. a
	 * release's baseline).
	 */
	Optional<String> pagePath(String decisionKey, int version);

	static String pagePathOf(String decisionKey, int version) {
		return "/staff/decision-tables/" + decisionKey + "/versions/" + version + "/impact";
	}

}
