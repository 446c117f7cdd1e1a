package cn.certflow.audit;

/** Where an audit stands. */
public enum AuditStatus {

	PLANNED, IN_PROGRESS, AWAITING_CORRECTIONS, COMPLETED, TERMINATED

}
