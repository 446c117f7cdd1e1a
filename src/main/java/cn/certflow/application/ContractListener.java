package cn.certflow.application;

import static cn.certflow.application.InitialCertification.CONTRACT_NUMBER;
import static cn.certflow.application.InitialCertification.CONTRACT_SIGNED_ON;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The certification contract is signed before any evaluation (R-APP-4, PCEC 7.2;
 * {@link SignedContract}).
 */
@Component
class ContractListener implements TaskListener {

	private final SignedContract contract;

	private final CurrentUser currentUser;

	ContractListener(SignedContract contract, CurrentUser currentUser) {
		this.contract = contract;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String contractNumber = FormInput.requiredText(CONTRACT_NUMBER, task,
				"the signed contract's number is required");
		this.contract.record(task.getProcessInstanceId(), contractNumber,
				FormInput.requiredDate(CONTRACT_SIGNED_ON, task), this.currentUser.id(task));
	}

}
