package cn.certflow.competence;

import cn.certflow.application.ApplicationService;
import cn.certflow.system.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * R-COMP-1, PCEC 8.1: the document review by a person qualified for the scheme and
 * technical area (a document reviewer, auditor or lead auditor).
 */
@Component
class DocumentReviewCompetenceListener extends StepCompetenceListener {

	static final String STEP = "DOCUMENT_REVIEW";

	DocumentReviewCompetenceListener(Qualifications qualifications, ApplicationService applications,
			CurrentUser currentUser) {
		super(qualifications, applications, currentUser, STEP, QualificationRole.DOCUMENT_REVIEWER);
	}

}
