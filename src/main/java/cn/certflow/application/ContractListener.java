package cn.certflow.application;

import static cn.certflow.application.InitialCertification.APPLICATION_NUMBER;
import static cn.certflow.application.InitialCertification.CONTRACT_NUMBER;
import static cn.certflow.application.InitialCertification.CONTRACT_SIGNED_ON;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import cn.certflow.system.EngineTime;
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
		LocalDate signedOn = date(CONTRACT_SIGNED_ON.from(task).getOrNull());
		String number = APPLICATION_NUMBER.from(task).get();
		this.repository.recordContract(number, contractNumber.trim(), signedOn);
		this.applications.changeStatus(number, ApplicationStatus.CONTRACTED, this.currentUser.id(task),
				"contract " + contractNumber.trim() + " signed on " + signedOn);
	}

	private static LocalDate date(String value) {
		try {
			LocalDate date = LocalDate.parse(value.substring(0, Math.min(10, value.length())));
			if (date.isAfter(EngineTime.today())) {
				throw new InvalidInputException(CONTRACT_SIGNED_ON.getName(), "cannot be in the future");
			}
			return date;
		}
		catch (DateTimeParseException | NullPointerException ex) {
			throw new InvalidInputException(CONTRACT_SIGNED_ON.getName(), "must be a date (yyyy-MM-dd)");
		}
	}

}
