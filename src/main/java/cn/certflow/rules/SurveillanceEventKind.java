package cn.certflow.rules;

/**
 * Something that happened to a certified client between surveillance audits (R-SUR-2,
 * PCEC 10.2).
 */
public enum SurveillanceEventKind {

	/**
	 * PCEC 10.2(1): serious accident (service failure, environment, safety), proven the
	 * client's fault.
	 */
	SERIOUS_ACCIDENT_PROVEN,

	/** PCEC 10.2(1): media exposure, proven the client's fault. */
	MEDIA_EXPOSURE_PROVEN,

	/**
	 * PCEC 10.2(1): a customer complaint, proven the client's fault. Also counts as a
	 * complaint.
	 */
	SERIOUS_COMPLAINT_PROVEN,

	/**
	 * A complaint received, whether or not proven; two within 12 months trigger PCEC
	 * 10.2(4).
	 */
	COMPLAINT_RECEIVED,

	/** PCEC 10.2(2): the legal person changed. */
	LEGAL_PERSON_CHANGED,

	/** PCEC 10.2(2): the organisation structure changed. */
	ORGANISATION_CHANGED,

	/** PCEC 10.2(2): relevant functions changed. */
	FUNCTIONS_CHANGED,

	/** PCEC 10.2(2): service resources changed. */
	SERVICE_RESOURCES_CHANGED,

	/** PCEC 10.2(3): the certification basis (standard or scheme rules) changed. */
	CERTIFICATION_BASIS_CHANGED,

	/** PCEC 10.2(5): any other special circumstance; the evidence says which. */
	OTHER_SPECIAL_CIRCUMSTANCE

}
