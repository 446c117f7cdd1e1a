package cn.certflow.rules;

/**
 * What the audit team observed on site that may end the audit (R-AUD-2, PCEC 8.2.5). Only
 * the rules in {@code rules/audit-termination.drl} decide which kinds terminate; the
 * comments name the clause each one is meant for.
 */
public enum ObservationKind {

	/**
	 * PCEC 8.2.5(1): serious violation of laws and regulations, no corrective action
	 * taken.
	 */
	LEGAL_VIOLATION_NOT_RECTIFIED,

	/** PCEC 8.2.5(2): a major incident or complaint led to a government penalty. */
	GOVERNMENT_PENALTY_AFTER_MAJOR_INCIDENT,

	/** PCEC 8.2.5(3): a serious incident on site stops the audit. */
	SERIOUS_INCIDENT_ON_SITE,

	/** PCEC 8.2.5(4): no service activity within the certification scope on site. */
	NO_SERVICE_ACTIVITY_IN_SCOPE,

	/** PCEC 8.2.5(5): the client does not cooperate, the certification cannot proceed. */
	CLIENT_DOES_NOT_COOPERATE,

	/** PCEC 8.2.5(6): force majeure stops the audit. */
	FORCE_MAJEURE,

	/** PCEC 8.2.5(7): the actual situation differs materially from the application. */
	MATERIAL_MISMATCH_WITH_APPLICATION,

	/**
	 * PCEC 8.2.5(8): any other situation in which the certification cannot be completed.
	 */
	OTHER_CANNOT_COMPLETE,

	/** A nonconformity to be corrected (PCEC 8.2.4); does not end the audit. */
	MINOR_FINDING,

	/**
	 * A major nonconformity (PCEC 8.2.4): may lead to a repeat audit, does not end this
	 * one.
	 */
	MAJOR_NONCONFORMITY,

	/** A legal violation the client has already rectified: not 8.2.5(1). */
	LEGAL_VIOLATION_RECTIFIED,

	/** An incident on site after which the audit can continue: not 8.2.5(3). */
	INCIDENT_ON_SITE_AUDIT_CONTINUES

}
