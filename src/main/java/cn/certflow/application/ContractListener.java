package cn.certflow.application;

import static cn.certflow.application.InitialCertification.APPLICATION_NUMBER;
import static cn.certflow.application.InitialCertification.CONTRACT_NUMBER;
import static cn.certflow.application.InitialCertification.CONTRACT_SIGNED_ON;

import java.time.LocalDate;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.EngineTime;
import cn.certflow.system.FormInput;
import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The certification contract is signed before any evaluation (R-APP-4, PCEC 7.2). */
@Component
class ContractListener implements TaskListener {

	private final ApplicationService applications;

	private final ApplicationRepository repository;

	private final CurrentUser currentUser;

	ContractListener(ApplicationService applications, ApplicationRepository repository, CurrentUser currentUser) {
		this.applications = applications;
		this.repository = repository;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String contractNumber = FormInput.requiredText(CONTRACT_NUMBER, task, "the signed contract's number is required");
		LocalDate signedOn = FormInput.requiredDate(CONTRACT_SIGNED_ON, task);
		if (signedOn.isAfter(EngineTime.today())) {
			throw new InvalidInputException(CONTRACT_SIGNED_ON.getName(), "cannot be in the future");
		}
		String number = APPLICATION_NUMBER.from(task).get();
		this.repository.recordContract(number, contractNumber, signedOn);
		this.applications.changeStatus(number, ApplicationStatus.CONTRACTED, this.currentUser.id(task),
				"contract " + contractNumber + " signed on " + signedOn);
	}

}
