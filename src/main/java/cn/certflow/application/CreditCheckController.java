package cn.certflow.application;

import java.util.List;

import cn.certflow.security.ApiAccess;
import cn.certflow.security.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * R-CRED-1: the credit-information lookups of an application. Reviewers record them (one
 * or several at once, all or none); whoever may see the application reads them.
 */
@RestController
@RequestMapping("/api/applications/{number}/credit-checks")
class CreditCheckController {

	private final CreditChecks creditChecks;

	private final ApiAccess access;

	CreditCheckController(CreditChecks creditChecks, ApiAccess access) {
		this.creditChecks = creditChecks;
		this.access = access;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	List<CreditCheck> record(@PathVariable String number, @RequestBody List<CreditCheck.Entry> entries) {
		this.access.requireApplication(number);
		String reviewer = this.access.requireAnyGroup(Groups.REVIEWERS);
		return this.creditChecks.record(number, entries, reviewer);
	}

	@GetMapping
	List<CreditCheck> list(@PathVariable String number) {
		this.access.requireApplication(number);
		return this.creditChecks.list(number);
	}

}
