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

	private final com.fasterxml.jackson.databind.ObjectMapper json;

	CreditCheckController(CreditChecks creditChecks, ApiAccess access,
			com.fasterxml.jackson.databind.ObjectMapper json) {
		this.creditChecks = creditChecks;
		this.access = access;
		this.json = json;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	List<CreditCheck> record(@PathVariable String number, @RequestBody com.fasterxml.jackson.databind.JsonNode body) {
		// who may record is checked before the body is read: a manager gets 403 whatever
		// the body (issue 15.4)
		String reviewer = this.access.requireAnyGroup(Groups.REVIEWERS);
		this.access.requireApplication(number);
		List<CreditCheck.Entry> entries;
		try {
			entries = this.json.convertValue(body,
					new com.fasterxml.jackson.core.type.TypeReference<List<CreditCheck.Entry>>() {
					});
		}
		catch (IllegalArgumentException ex) {
			throw new cn.certflow.system.InvalidInputException("checks",
					"信用信息查询须为一组记录（kind、result、lookedUp、checkedOn）的 JSON 数组");
		}
		return this.creditChecks.record(number, entries, reviewer);
	}

	@GetMapping
	List<CreditCheck> list(@PathVariable String number) {
		this.access.requireApplication(number);
		return this.creditChecks.list(number);
	}

}
