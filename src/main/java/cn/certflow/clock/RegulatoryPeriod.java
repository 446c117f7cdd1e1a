package cn.certflow.clock;

/**
 * Every period the certification rules set (issue 21 point 10), each with the clause it
 * comes from and its default. The one place these periods are defined: the value in force
 * is {@link RegulatoryClock#period}, configurable as
 * {@code certflow.regulatory-clock.<name>} (ISO-8601, e.g. {@code P10D}, {@code P3M}).
 * {@link Origin#PRODUCT_DEFAULT} marks a period the seeds do not fix: general CNCA
 * practice or this product's choice, to be confirmed by the certification body.
 */
public enum RegulatoryPeriod {

	/** R-APP-2: the application review completes within 10 days of receipt. */
	APPLICATION_REVIEW("P10D", "ZHHT 5.2.1", "申请评审期限（自收到申请之日起）", Origin.SEED),

	/** R-AUD-3: a nonconformity is corrected within 30 days. */
	NONCONFORMITY_CORRECTION("P30D", "R-AUD-3（说明材料 004）", "不符合项整改期限", Origin.SEED),

	/**
	 * PCEC 8.1 asks the client to correct the documents the review found wanting
	 * ("告知企业进行及时的纠正并采取纠正措施") but sets no period; this product default is when the client
	 * is reminded and the reviewers are asked to follow it up.
	 */
	DOCUMENT_CORRECTIONS("P30D", "PCEC 8.1（种子规则未规定期限，本产品默认值）", "文件评审发现的整改期限（逾期提醒客户并转评审人员跟进）", Origin.PRODUCT_DEFAULT),

	/** R-CERT-1: a certificate is valid 3 years. */
	CERTIFICATE_VALIDITY("P3Y", "PCEC 13.2", "认证证书有效期", Origin.SEED),

	/**
	 * R-SUR-1: each surveillance within 12 months of the previous one, the first within
	 * 12 months of the decision ("证后监督每年进行1次").
	 */
	SURVEILLANCE_INTERVAL("P12M", "PCEC 10.2；ZHHT 3.2", "两次监督审查的最长间隔（首次自认证决定之日起）", Origin.SEED),

	/** How long before its due date a surveillance is planned. */
	SURVEILLANCE_PLANNING_LEAD("P60D", "PCEC 10.2（本产品默认值）", "监督审查提前策划期", Origin.PRODUCT_DEFAULT),

	/**
	 * R-SUR-1: an annual surveillance may be postponed past its due date by this much at
	 * most, and counts as missed after it (then the certificate is suspended).
	 */
	SURVEILLANCE_POSTPONEMENT("P3M", "CNCA 通行做法，种子规则未规定（本产品默认值）", "监督审查可推迟的最长期限", Origin.PRODUCT_DEFAULT),

	/**
	 * R-REC-1: the client may apply for recertification during the certificate's last
	 * year (ZHHT 3.2 "第三年认证到期前的再认证").
	 */
	RECERTIFICATION_WINDOW("P1Y", "ZHHT 3.2；PCEC 11", "到期前可申请再认证的期间", Origin.SEED),

	/** R-REC-1: the client applies at least 3 months before expiry. */
	RECERTIFICATION_APPLICATION_DEADLINE("P3M", "PCEC 11", "再认证申请最迟于有效期满前", Origin.SEED),

	/** The reminder goes this long before the application deadline, not on it. */
	RECERTIFICATION_REMINDER_LEAD("P1M", "PCEC 11（本产品默认值）", "再认证提醒提前于申请截止日", Origin.PRODUCT_DEFAULT),

	/** R-SUS-1: a suspension not lifted by then ends in withdrawal. */
	SUSPENSION_LIMIT("P6M", "CNCA 通行做法，种子规则未规定（本产品默认值）；PCEC 12.3", "证书暂停的最长期限", Origin.PRODUCT_DEFAULT),

	/** R-APL-1: an appeal or complaint is acknowledged within 5 days. */
	CASE_ACKNOWLEDGEMENT("P5D", "PCEC 14（本产品默认值）", "申诉、投诉确认收到期限", Origin.PRODUCT_DEFAULT),

	/** R-UPG-1: a higher grade may be applied for one year after the certificate. */
	UPGRADE_WAITING("P1Y", "R-UPG-1（说明材料 004）", "申请升级前的等待期", Origin.SEED),

	/** Due date of a special, change, extension or upgrade audit's plan. */
	CERTIFICATE_AUDIT_PLANNING("P30D", "PCEC 10.2、12.1、12.2（本产品默认值）", "特殊、变更、扩大、升级审查的策划期限", Origin.PRODUCT_DEFAULT);

	/** Where a period's value comes from. */
	public enum Origin {

		/** Stated in the seeds' rules (the clause). */
		SEED,
		/** Not in the seeds: general CNCA practice or this product's choice. */
		PRODUCT_DEFAULT

	}

	private final String defaultValue;

	private final String clause;

	private final String meaning;

	private final Origin origin;

	RegulatoryPeriod(String defaultValue, String clause, String meaning, Origin origin) {
		this.defaultValue = defaultValue;
		this.clause = clause;
		this.meaning = meaning;
		this.origin = origin;
	}

	/** The default, ISO-8601 (P10D, P3M, P1Y). */
	public java.time.Period defaultPeriod() {
		return java.time.Period.parse(this.defaultValue);
	}

	public String clause() {
		return this.clause;
	}

	/** What the period is, in Chinese as users read it. */
	public String meaning() {
		return this.meaning;
	}

	public Origin origin() {
		return this.origin;
	}

	/** The configuration key: certflow.regulatory-clock.{this}. */
	public String propertyName() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
