package cn.certflow.application;

import static cn.certflow.application.InitialCertification.APPLICATION_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When the application review task is created: the client on record under the
 * application's credit code, beside the client as applied, and the certificates a
 * confirmed difference concerns, for the review form (R-ID-1).
 */
@Component
class ClientOnRecordListener implements TaskListener {

	private final ApplicationService applications;

	private final ClientChangeReview clientChanges;

	ClientOnRecordListener(ApplicationService applications, ClientChangeReview clientChanges) {
		this.applications = applications;
		this.clientChanges = clientChanges;
	}

	@Override
	public void notify(DelegateTask task) {
		ApplicationRecord application = this.applications.get(APPLICATION_NUMBER.from(task).get());
		task.setVariables(this.clientChanges.formVariables(application));
	}

}
