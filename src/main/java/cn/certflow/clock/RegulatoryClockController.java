package cn.certflow.clock;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/regulatory-clock}: every period of the rules in force, with its clause
 * and default (issue 21 point 10). Staff only (every /api path but the public lookup is
 * authenticated, client accounts are refused: security.RestAuthentication).
 */
@RestController
class RegulatoryClockController {

	private final RegulatoryClock clock;

	RegulatoryClockController(RegulatoryClock clock) {
		this.clock = clock;
	}

	@GetMapping("/api/regulatory-clock")
	List<RegulatoryClock.Entry> periods() {
		return this.clock.entries();
	}

}
