package cn.certflow.impartiality;

/**
 * Kinds of relationship with a client that threaten impartiality (ISO/IEC 17065 4.2, PCEC
 * 9).
 */
public enum Relationship {

	/** Consultancy or training for the client's service system. */
	CONSULTANCY("咨询"),

	/** Employed by the client, or by a company of its group. */
	EMPLOYMENT("雇佣"),

	/** A family member works for or owns the client. */
	FAMILY("亲属"),

	/** Anything else the person judges relevant; described in words. */
	OTHER("其他");

	private final String label;

	Relationship(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
