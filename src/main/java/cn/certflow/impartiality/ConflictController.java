package cn.certflow.impartiality;

import java.net.URI;
import java.util.List;

import cn.certflow.security.ApiAccess;
import cn.certflow.security.Groups;
import jakarta.validation.Valid;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Declarations of relationships with clients (conflicts of interest): staff declare their
 * own and read their own; administrators declare for and read anyone's.
 */
@RestController
@RequestMapping("/api/conflicts")
class ConflictController {

	private final ConflictOfInterest conflicts;

	private final ApiAccess access;

	private final IdentityService identity;

	ConflictController(ConflictOfInterest conflicts, ApiAccess access, IdentityService identity) {
		this.conflicts = conflicts;
		this.access = access;
		this.identity = identity;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Declaration> declare(@Valid @RequestBody DeclarationRequest request) {
		String caller = this.access.requireAnyGroup(ApiAccess.STAFF);
		Declaration declaration = this.conflicts.declare(request, caller, isAdmin());
		return ResponseEntity.created(URI.create("/api/conflicts?userId=" + declaration.userId())).body(declaration);
	}

	/**
	 * The caller's declarations; administrators: everyone's, or one user's with
	 * {@code userId}.
	 */
	@GetMapping
	List<Declaration> list(@RequestParam(required = false) String userId) {
		String caller = this.access.requireAnyGroup(ApiAccess.STAFF);
		if (isAdmin()) {
			return (userId != null) ? this.conflicts.declarationsOf(userId) : this.conflicts.allDeclarations();
		}
		if (userId != null && !userId.equals(caller)) {
			throw new AuthorizationException("user " + caller + " may read only their own declarations");
		}
		return this.conflicts.declarationsOf(caller);
	}

	private boolean isAdmin() {
		List<String> groups = this.identity.getCurrentAuthentication().getGroupIds();
		return groups != null && groups.contains(Groups.ADMINS);
	}

}
