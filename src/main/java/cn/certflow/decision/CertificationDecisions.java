package cn.certflow.decision;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The certification decisions on an application, with their decider (R-DEC-1/2): recorded
 * after an initial audit and after every later audit, read by the certificate, appeal and
 * accreditation records.
 */
@Service
public class CertificationDecisions {

	private final DecisionRepository decisions;

	CertificationDecisions(DecisionRepository decisions) {
		this.decisions = decisions;
	}

	public void record(long applicationId, long auditId, boolean certified, int stars, String reasons,
			String externalInfo, String decidedBy) {
		this.decisions.record(applicationId, auditId, certified, stars, reasons, externalInfo, decidedBy);
	}

	/** The latest decision on the application. */
	public Optional<CertificationDecision> latest(long applicationId) {
		return all(applicationId).stream().findFirst();
	}

	/** Every decision on the application, latest first. */
	public List<CertificationDecision> all(long applicationId) {
		return this.decisions.all(applicationId);
	}

}
