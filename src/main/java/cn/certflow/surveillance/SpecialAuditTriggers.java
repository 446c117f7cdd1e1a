package cn.certflow.surveillance;

import java.util.List;

import cn.certflow.certificate.CertificateRequest;
import cn.certflow.certificate.CertificateRequests;
import cn.certflow.rules.RulesService;
import cn.certflow.rules.SurveillanceEvent;
import cn.certflow.rules.SurveillanceEventKind;
import cn.certflow.rules.SpecialAuditReason;
import cn.certflow.system.StatusHistory;
import org.springframework.stereotype.Service;

/**
 * R-SUR-2 (PCEC 10.2): each reported event is judged once, by the trigger rules
 * (rules/surveillance-triggers.drl), with the certificate's earlier events as its context
 * (10.2(4) counts complaints): only what this event makes fire calls for a special audit,
 * never a trigger an earlier event already answered. The rules that fired stay on the
 * request that reported the event, which is closed.
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
	 * Judges the event the request reported, against the certificate's earlier events,
	 * and closes the request.
	 */
	Judgement judge(String certificateNumber, long requestId, StatusHistory.Process process) {
		List<CertificateRequest> reported = this.requests.of(certificateNumber)
			.stream()
			.filter((r) -> r.eventKind() != null)
			.toList();
		List<SurveillanceEvent> earlier = reported.stream()
			.filter((r) -> r.id() != requestId)
			.map(SpecialAuditTriggers::event)
			.toList();
		List<SurveillanceEvent> withThis = reported.stream().map(SpecialAuditTriggers::event).toList();
		List<SpecialAuditReason> answered = this.rules.surveillanceTriggers(earlier, false).reasons();
		List<String> fired = this.rules.surveillanceTriggers(withThis, false)
			.reasons()
			.stream()
			.filter((reason) -> !answered.contains(reason))
			.map(SpecialAuditReason::rule)
			.toList();
		boolean required = !fired.isEmpty();
		String words = required ? String.join("; ", fired) : "no trigger fired";
		this.requests.close(requestId, CertificateRequest.DONE, (required ? "special audit: " : "recorded: ") + words,
				"rules");
		this.history.record(StatusHistory.Entity.REQUEST, String.valueOf(requestId), CertificateRequest.OPEN,
				CertificateRequest.DONE, "rules", words, process);
		return new Judgement(required, words);
	}

	private static SurveillanceEvent event(CertificateRequest request) {
		return new SurveillanceEvent(SurveillanceEventKind.valueOf(request.eventKind()), request.eventDate(),
				request.description());
	}

}
