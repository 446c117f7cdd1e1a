package cn.certflow.application;

/** Where an application stands; every change is recorded in the status history. */
public enum ApplicationStatus {

	RECEIVED, REJECTED, ACCEPTED, CONTRACTED, TEAM_APPOINTED, DOCUMENTS_IN_CORRECTION, DOCUMENTS_RESUBMITTED,
	DOCUMENTS_PASSED, AUDIT_PLANNED, AUDIT_TERMINATED, CERTIFIED, REFUSED;

	boolean isFinal() {
		return this == REJECTED || this == AUDIT_TERMINATED || this == CERTIFIED || this == REFUSED;
	}

}
