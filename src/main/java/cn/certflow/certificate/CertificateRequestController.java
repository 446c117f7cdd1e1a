package cn.certflow.certificate;

import java.net.URI;
import java.util.List;
import java.util.Map;

import cn.certflow.security.ApiAccess;
import cn.certflow.security.Groups;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What staff send to a certificate's lifecycle (documented in README, "After the
 * certificate"): each POST records the request and delivers its message; 202 with the
 * request id; 400 names the field; 409 says why the certificate's state does not allow
 * it.
 */
@RestController
@RequestMapping("/api/certificates")
class CertificateRequestController {

	private final CertificateRequests requests;

	private final CertificateService certificates;

	private final ApiAccess access;

	CertificateRequestController(CertificateRequests requests, CertificateService certificates, ApiAccess access) {
		this.requests = requests;
		this.certificates = certificates;
		this.access = access;
	}

	/**
	 * Change (R-CHG-1), extension (R-EXT-1), upgrade (R-UPG-1), transition: registered by
	 * reviewers for the client.
	 */
	@PostMapping("/{number}/changes")
	ResponseEntity<Map<String, Object>> change(@PathVariable String number,
			@RequestBody CertificateRequests.ChangeBody body) {
		String by = this.access.requireAnyGroup(Groups.REVIEWERS);
		return accepted(number, this.requests.change(number, body, by));
	}

	/**
	 * Suspension by the CB (decision makers) or registered at the client's request
	 * (reviewers), R-SUS-1.
	 */
	@PostMapping("/{number}/suspension")
	ResponseEntity<Map<String, Object>> suspend(@PathVariable String number,
			@RequestBody CertificateRequests.ReasonBody body) {
		String by = this.access.requireAnyGroup(Groups.DECISION_MAKERS, Groups.REVIEWERS);
		return accepted(number, this.requests.suspend(number, body, by));
	}

	/** Withdrawal (撤销) is a certification decision: decision makers only (R-SUS-1). */
	@PostMapping("/{number}/withdrawal")
	ResponseEntity<Map<String, Object>> withdraw(@PathVariable String number,
			@RequestBody CertificateRequests.ReasonBody body) {
		String by = this.access.requireAnyGroup(Groups.DECISION_MAKERS);
		return accepted(number, this.requests.withdraw(number, body, by));
	}

	/** Cancellation (注销) at the client's request, registered by reviewers (R-SUS-1). */
	@PostMapping("/{number}/cancellation")
	ResponseEntity<Map<String, Object>> cancel(@PathVariable String number,
			@RequestBody CertificateRequests.ReasonBody body) {
		String by = this.access.requireAnyGroup(Groups.REVIEWERS, Groups.DECISION_MAKERS);
		return accepted(number, this.requests.cancel(number, body, by));
	}

	/**
	 * Something happened to the client (R-SUR-2): the rules decide whether a special
	 * audit follows.
	 */
	@PostMapping("/{number}/events")
	ResponseEntity<Map<String, Object>> event(@PathVariable String number,
			@RequestBody CertificateRequests.EventBody body) {
		String by = this.access.requireAnyGroup(Groups.REVIEWERS, Groups.DECISION_MAKERS, Groups.QUALITY_MANAGERS);
		return accepted(number, this.requests.reportEvent(number, body, by));
	}

	/**
	 * R-CHG-1 (3): quality managers set the deadline to transition a scheme's
	 * certificates to a new rule.
	 */
	@PostMapping("/transition")
	ResponseEntity<Map<String, Object>> transition(@RequestBody CertificateRequests.TransitionBody body) {
		String by = this.access.requireAnyGroup(Groups.QUALITY_MANAGERS);
		return ResponseEntity.accepted().body(Map.of("certificates", this.requests.setTransitionDeadline(body, by)));
	}

	@GetMapping("/{number}/revisions")
	List<CertificateRevision> revisions(@PathVariable String number) {
		this.access.requireCertificate(number);
		return this.certificates.revisions(number);
	}

	@GetMapping("/{number}/requests")
	List<CertificateRequest> requests(@PathVariable String number) {
		this.access.requireCertificate(number);
		return this.requests.of(number);
	}

	private static ResponseEntity<Map<String, Object>> accepted(String number, long id) {
		return ResponseEntity.accepted()
			.location(URI.create("/api/certificates/" + number + "/requests"))
			.body(Map.of("requestId", id, "certificateNumber", number));
	}

}
