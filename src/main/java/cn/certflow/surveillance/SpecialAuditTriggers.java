package cn.certflow.surveillance;

import java.util.List;

import cn.certflow.certificate.CertificateRequest;
import cn.certflow.certificate.CertificateRequests;
import cn.certflow.rules.RulesService;
import cn.certflow.rules.SurveillanceEvent;
import cn.certflow.rules.SurveillanceEventKind;
import cn.certflow.rules.SurveillanceTriggers;
import cn.certflow.system.StatusHistory;
import org.springframework.stereotype.Service;

/**
 * R-SUR-2: a reported event, with the certificate's earlier events, judged by the trigger
 * rules (rules/surveillance-triggers.drl); a special audit follows when one fires. The
 * rules that fired stay on the request that reported the event, which is closed.
 */
@Service
class SpecialAuditTriggers {

	/** Whether a special audit is required, and the rules that fired, in words. */
	record Judgement(boolean specialAuditRequired, String fired) {
	}

	private final CertificateRequests requests;

	private final RulesService rules;

	private final StatusHistory history;

	SpecialAuditTriggers(CertificateRequests requests, RulesService rules, StatusHistory history) {
		this.requests = requests;
		this.rules = rules;
		this.history = history;
	}

	/**
	 * Judges the certificate's events and closes the request that reported the latest.
	 */
	Judgement judge(String certificateNumber, long requestId, StatusHistory.Process process) {
		List<SurveillanceEvent> events = this.requests.of(certificateNumber)
			.stream()
			.filter(r -> r.eventKind() != null)
			.map(r -> new SurveillanceEvent(SurveillanceEventKind.valueOf(r.eventKind()), r.eventDate(),
					r.description()))
			.toList();
		SurveillanceTriggers triggers = this.rules.surveillanceTriggers(events, false);
		String fired = triggers.rules().isEmpty() ? "no trigger fired" : String.join("; ", triggers.rules());
		this.requests.close(requestId, CertificateRequest.DONE,
				(triggers.specialAuditRequired() ? "special audit: " : "recorded: ") + fired, "rules");
		this.history.record(StatusHistory.Entity.REQUEST, String.valueOf(requestId), CertificateRequest.OPEN,
				CertificateRequest.DONE, "rules", fired, process);
		return new Judgement(triggers.specialAuditRequired(), fired);
	}

}
