package cn.certflow.application;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Names every new task so that Tasklist's list says what it is about: "申请评审 – 某某公司 – PCEC
 * – CF-A-…" (issue 19.5: the application number too). Driven by the Camunda Spring Boot
 * starter's task events (camunda.bpm.eventing.task, on by default). The name is the
 * process's client name when the task is created (the application's as applied, or the
 * certificate holder's, R-ID-1); a task's name is stored once, so a task open while the
 * holder's name changes keeps the name it was created with.
 */
@Component
class TaskTitles {

	static final String SEPARATOR = " – ";

	@EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
	public void onCreate(DelegateTask task) {
		// both processes (and the on-site audit called by them) carry these two variables
		String client = InitialCertification.CLIENT_NAME.from(task).getOrNull();
		String scheme = InitialCertification.SCHEME_ID.from(task).getOrNull();
		// issue 19.5: the application number, so that the first task after the start form
		// shows the number the client is told
		String number = InitialCertification.APPLICATION_NUMBER.from(task).getOrNull();
		if (client != null && task.getName() != null && !task.getName().contains(SEPARATOR)) {
			task.setName(task.getName() + SEPARATOR + client + ((scheme != null) ? SEPARATOR + scheme : "")
					+ ((number != null) ? SEPARATOR + number : ""));
		}
	}

}
