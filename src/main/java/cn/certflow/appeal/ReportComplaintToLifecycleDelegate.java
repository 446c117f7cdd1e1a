package cn.certflow.appeal;

import cn.certflow.certificate.CertificateRequests;
import cn.certflow.rules.SurveillanceEventKind;
import cn.certflow.system.EngineTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A complaint proven the certified client's fault is reported to the certificate's
 * lifecycle: a special audit trigger (R-SUR-2).
 */
@Component
class ReportComplaintToLifecycleDelegate implements JavaDelegate {

	private final CertificateRequests requests;

	private final CaseRepository cases;

	ReportComplaintToLifecycleDelegate(CertificateRequests requests, CaseRepository cases) {
		this.requests = requests;
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		CaseRecord record = this.cases.find(execution.getProcessBusinessKey()).orElseThrow();
		this.requests.reportEvent(record.certificateNumber(),
				new CertificateRequests.EventBody(SurveillanceEventKind.SERIOUS_COMPLAINT_PROVEN.name(),
						EngineTime.today().toString(), "complaint " + record.number() + ": " + record.outcomeReasons()),
				record.decidedBy());
	}

}
