package cn.certflow.competence;

import java.util.List;
import java.util.Map;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.application.InitialCertification;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Issue 19.5 with R-COMP-1: when the audit plan task is created, its form's choices — the
 * people qualified today as lead auditor and as auditor for the application's scheme and
 * technical area, from the register — so that the team is chosen from them, not typed as
 * user ids ({@code valuesKey} of the form's select and checklist). The engine still
 * checks the submitted team ({@link AuditTeamCompetenceListener}).
 */
@Component
class QualifiedTeamListener implements TaskListener {

	private final Qualifications qualifications;

	private final ApplicationService applications;

	private final ObjectMapper json;

	QualifiedTeamListener(Qualifications qualifications, ApplicationService applications, ObjectMapper json) {
		this.qualifications = qualifications;
		this.applications = applications;
		this.json = json;
	}

	@Override
	public void notify(DelegateTask task) {
		ApplicationRecord application = this.applications.forProcess(task.getProcessInstanceId());
		task.setVariable(InitialCertification.QUALIFIED_LEAD_AUDITORS.getName(), options(this.qualifications
			.qualifiedToday(QualificationRole.LEAD_AUDITOR, application.schemeId(), application.technicalArea())));
		task.setVariable(InitialCertification.QUALIFIED_AUDITORS.getName(), options(this.qualifications
			.qualifiedToday(QualificationRole.AUDITOR, application.schemeId(), application.technicalArea())));
	}

	private Object options(List<String> people) {
		try {
			return SpinValues.jsonValue(this.json.writeValueAsString(people.stream()
				.map((p) -> Map.of("label", this.qualifications.displayName(p), "value", p))
				.toList())).create();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
