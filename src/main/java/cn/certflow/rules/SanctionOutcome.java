package cn.certflow.rules;

/**
 * What happens to a certificate after surveillance (R-SUR-3, R-SUS-1, PCEC 12.3), ordered
 * by severity: when several rules fire the latest constant wins.
 */
public enum SanctionOutcome {

	KEEP, DOWNGRADE, SUSPEND, WITHDRAW;

	boolean isMoreSevereThan(SanctionOutcome other) {
		return compareTo(other) > 0;
	}

}
