package cn.certflow.competence;

import java.util.List;

import cn.certflow.security.ApiAccess;
import cn.certflow.security.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The qualification register over the API (R-COMP-1): every staff member reads it (who is
 * qualified for what is needed to plan and assign work); quality managers add to it;
 * {@code /expiring} lists what ends within 90 days.
 */
@RestController
@RequestMapping("/api/qualifications")
class QualificationController {

	static final String[] KEEPERS = { Groups.QUALITY_MANAGERS };

	private final Qualifications qualifications;

	private final ApiAccess access;

	QualificationController(Qualifications qualifications, ApiAccess access) {
		this.qualifications = qualifications;
		this.access = access;
	}

	@GetMapping
	List<Qualification> list(@RequestParam(required = false) String userId) {
		this.access.requireAnyGroup(ApiAccess.STAFF);
		return (userId != null) ? this.qualifications.of(userId) : this.qualifications.all();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Qualification add(@RequestBody Qualification.Request request) {
		String caller = this.access.requireAnyGroup(KEEPERS);
		return this.qualifications.add(request, caller);
	}

	@GetMapping("/expiring")
	List<Qualification.Expiring> expiring() {
		this.access.requireAnyGroup(Groups.QUALITY_MANAGERS, Groups.MANAGERS, Groups.ADMINS);
		return this.qualifications.expiring();
	}

}
