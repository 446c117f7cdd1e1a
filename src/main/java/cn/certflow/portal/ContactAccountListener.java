package cn.certflow.portal;

import cn.certflow.application.ApplicationService;
import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * An application registered with a contact e-mail (issue 18): where its client has no
 * portal account yet, one is made for the contact, with a set-password link e-mailed to
 * it (or, without mail, shown to the reviewer on the client's accounts page). The
 * application is read from our records of this process instance, in the same transaction.
 * Off with {@code certflow.client-accounts.invite-on-application=false}.
 */
@Component
class ContactAccountListener implements ExecutionListener {

	private final ApplicationService applications;

	private final ClientAccounts accounts;

	private final CurrentUser currentUser;

	private final boolean enabled;

	ContactAccountListener(ApplicationService applications, ClientAccounts accounts, CurrentUser currentUser,
			@Value("${certflow.client-accounts.invite-on-application:true}") boolean enabled) {
		this.applications = applications;
		this.accounts = accounts;
		this.currentUser = currentUser;
		this.enabled = enabled;
	}

	@Override
	public void notify(DelegateExecution execution) {
		if (this.enabled) {
			this.accounts.forApplicationContact(this.applications.forProcess(execution.getProcessInstanceId()),
					this.currentUser.id());
		}
	}

}
