package cn.certflow.application;

import java.util.List;

import cn.certflow.security.ApiAccess;
import cn.certflow.system.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A client on record and the history of its record (R-ID-1), for staff. */
@RestController
@RequestMapping("/api/clients")
class ClientController {

	private final ClientRegister clients;

	private final ApiAccess access;

	ClientController(ClientRegister clients, ApiAccess access) {
		this.clients = clients;
		this.access = access;
	}

	record ClientView(ClientRecord client, List<ClientHistoryEntry> history) {
	}

	@GetMapping("/{creditCode}")
	ClientView get(@PathVariable String creditCode) {
		this.access.requireAnyGroup(ApiAccess.STAFF);
		ClientRecord client = this.clients.onRecord(creditCode)
			.orElseThrow(() -> new NotFoundException("creditCode", "No client on record under " + creditCode));
		return new ClientView(client, this.clients.history(creditCode));
	}

}
