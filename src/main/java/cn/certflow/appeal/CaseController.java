package cn.certflow.appeal;

import java.net.URI;
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
 * Appeals and complaints registered by staff as they arrive (R-APL-1):
 * {@code POST /api/cases}, {@code GET /api/cases/{number}}.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

	private final AppealCaseService cases;

	private final ApiAccess access;

	CaseController(AppealCaseService cases, ApiAccess access) {
		this.cases = cases;
		this.access = access;
	}

	@PostMapping
	ResponseEntity<Map<String, String>> receive(@RequestBody AppealCaseService.CaseBody body) {
		// managers only read (issue 15.4)
		String by = this.access.requireAnyGroup(Groups.REVIEWERS, Groups.QUALITY_MANAGERS);
		String number = this.cases.receive(body, by);
		return ResponseEntity.created(URI.create("/api/cases/" + number)).body(Map.of("caseNumber", number));
	}

	@GetMapping("/{number}")
	CaseRecord get(@PathVariable String number) {
		this.access.requireCase(number);
		return this.cases.get(number);
	}

}
