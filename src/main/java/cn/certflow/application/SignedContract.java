package cn.certflow.application;

import static cn.certflow.application.InitialCertification.CONTRACT_NUMBER;
import static cn.certflow.application.InitialCertification.CONTRACT_SIGNED_ON;

import java.time.LocalDate;

import cn.certflow.system.EngineTime;
import cn.certflow.system.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * R-APP-4 (PCEC 7.2): the certification contract is signed before any evaluation, on a
 * day between the application's receipt and today, with its number recorded.
 */
@Service
class SignedContract {

	/** Length of the column application.contract_number (V1). */
	static final int MAX_CONTRACT_NUMBER_LENGTH = 60;

	private final ApplicationService applications;

	private final ApplicationRepository repository;

	SignedContract(ApplicationService applications, ApplicationRepository repository) {
		this.applications = applications;
		this.repository = repository;
	}

	/** Records the contract of the application certified in this process. */
	void record(String processInstanceId, String contractNumber, LocalDate signedOn, String by) {
		if (contractNumber.length() > MAX_CONTRACT_NUMBER_LENGTH) {
			throw new InvalidInputException(CONTRACT_NUMBER.getName(),
					"at most " + MAX_CONTRACT_NUMBER_LENGTH + " characters");
		}
		if (signedOn.isAfter(EngineTime.today())) {
			throw new InvalidInputException(CONTRACT_SIGNED_ON.getName(), "cannot be in the future");
		}
		String number = this.applications.forProcess(processInstanceId).number();
		LocalDate received = this.applications.get(number)
			.receivedAt()
			.atZoneSameInstant(EngineTime.ZONE)
			.toLocalDate();
		if (signedOn.isBefore(received)) {
			throw new InvalidInputException(CONTRACT_SIGNED_ON.getName(),
					"cannot be before the application was received (" + received + ")");
		}
		this.repository.recordContract(number, contractNumber, signedOn);
		this.applications.changeStatus(number, ApplicationStatus.CONTRACTED, by,
				"contract " + contractNumber + " signed on " + signedOn);
	}

}
