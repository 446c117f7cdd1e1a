package cn.certflow.competence;

import cn.certflow.application.ApplicationService;
import cn.certflow.system.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * R-COMP-1, ZHHT 5.2.1 c ("认证决定人员的能力"): the certification decision by a person qualified
 * as decider for the scheme and technical area.
 */
@Component
class DeciderCompetenceListener extends StepCompetenceListener {

	static final String STEP = "DECISION";

	DeciderCompetenceListener(Qualifications qualifications, ApplicationService applications, CurrentUser currentUser) {
		super(qualifications, applications, currentUser, STEP, QualificationRole.DECIDER);
	}

}
