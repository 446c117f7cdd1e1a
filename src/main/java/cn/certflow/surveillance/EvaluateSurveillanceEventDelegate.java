package cn.certflow.surveillance;

import java.util.List;

import cn.certflow.certificate.CertificateLifecycle;
import cn.certflow.certificate.CertificateRequest;
import cn.certflow.certificate.CertificateRequestRepository;
import cn.certflow.certificate.CertificateService;
import cn.certflow.rules.RulesService;
import cn.certflow.rules.SurveillanceEvent;
import cn.certflow.rules.SurveillanceEventKind;
import cn.certflow.rules.SurveillanceTriggers;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Judges a reported event, with the certificate's earlier events, by the trigger rules
 * (rules/surveillance-triggers.drl, R-SUR-2): a special audit follows when one fires; the
 * rules that fired stay on the process and on the request.
 */
@Component
class EvaluateSurveillanceEventDelegate implements JavaDelegate {

	private final CertificateRequestRepository requests;

	private final CertificateService certificates;

	private final RulesService rules;

	private final StatusHistory history;

	EvaluateSurveillanceEventDelegate(CertificateRequestRepository requests, CertificateService certificates,
			RulesService rules, StatusHistory history) {
		this.requests = requests;
		this.certificates = certificates;
		this.rules = rules;
		this.history = history;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = this.certificates.forProcess(execution).number();
		List<SurveillanceEvent> events = this.requests.of(number)
			.stream()
			.filter(r -> r.eventKind() != null)
			.map(r -> new SurveillanceEvent(SurveillanceEventKind.valueOf(r.eventKind()), r.eventDate(),
					r.description()))
			.toList();
		SurveillanceTriggers triggers = this.rules.surveillanceTriggers(events, false);
		String fired = triggers.rules().isEmpty() ? "no trigger fired" : String.join("; ", triggers.rules());
		CertificateLifecycle.SPECIAL_AUDIT_REQUIRED.on(execution).set(triggers.specialAuditRequired());
		CertificateLifecycle.TRIGGER_RULES.on(execution).set(fired);
		// set by the correlation that started this step, in this same transaction: no
		// task came in between
		long requestId = CertificateLifecycle.REQUEST_ID.from(execution).get();
		this.requests.close(requestId, CertificateRequest.DONE,
				(triggers.specialAuditRequired() ? "special audit: " : "recorded: ") + fired, "rules");
		this.history.record(StatusHistory.Entity.REQUEST, String.valueOf(requestId), CertificateRequest.OPEN,
				CertificateRequest.DONE, "rules", fired, StatusHistory.Process.of(execution));
	}

}
