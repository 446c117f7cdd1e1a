package cn.certflow.application;

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

	/** Length of the column application.contract_number (V1). */
	static final int MAX_CONTRACT_NUMBER_LENGTH = 60;

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
		String contractNumber = FormInput.requiredText(CONTRACT_NUMBER, task,
				"the signed contract's number is required");
		if (contractNumber.length() > MAX_CONTRACT_NUMBER_LENGTH) {
			throw new InvalidInputException(CONTRACT_NUMBER.getName(),
					"at most " + MAX_CONTRACT_NUMBER_LENGTH + " characters");
		}
		LocalDate signedOn = FormInput.requiredDate(CONTRACT_SIGNED_ON, task);
		if (signedOn.isAfter(EngineTime.today())) {
			throw new InvalidInputException(CONTRACT_SIGNED_ON.getName(), "cannot be in the future");
		}
		String number = this.applications.forProcess(task.getProcessInstanceId()).number();
		LocalDate received = this.applications.get(number)
			.receivedAt()
			.atZoneSameInstant(EngineTime.ZONE)
			.toLocalDate();
		if (signedOn.isBefore(received)) {
			throw new InvalidInputException(CONTRACT_SIGNED_ON.getName(),
					"cannot be before the application was received (" + received + ")");
		}
		this.repository.recordContract(number, contractNumber, signedOn);
		this.applications.changeStatus(number, ApplicationStatus.CONTRACTED, this.currentUser.id(task),
				"contract " + contractNumber + " signed on " + signedOn);
	}

}
