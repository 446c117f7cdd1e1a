package cn.certflow.portal;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.security.Groups;
import cn.certflow.system.EngineTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A task the certification body waits for from the client is past its deadline (issue
 * 18): the escalation to the reviewers is recorded; the client's task stays open and
 * shows in Tasklist's 客户任务 filter as overdue.
 */
@Component
class ClientTaskOverdueDelegate implements JavaDelegate {

	static final String DOCUMENT_CORRECTIONS_OVERDUE = "CLIENT_CORRECTIONS_OVERDUE";

	private final ApplicationService applications;

	ClientTaskOverdueDelegate(ApplicationService applications) {
		this.applications = applications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ApplicationRecord application = this.applications.forProcess(execution.getProcessInstanceId());
		this.applications.recordEscalation(application.number(), DOCUMENT_CORRECTIONS_OVERDUE, EngineTime.now(),
				Groups.REVIEWERS);
	}

}
