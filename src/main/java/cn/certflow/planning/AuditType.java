package cn.certflow.planning;

/** Kind of audit whose person-days the {@code audit-time} table gives (R-PLAN-1). */
public enum AuditType {

	/** 初次认证. */
	INITIAL,

	/** 监督审核: 0.6 × initial. */
	SURVEILLANCE,

	/** 再认证: 0.8 × initial. */
	RECERTIFICATION

}
