package cn.certflow.application;

import java.util.List;
import java.util.Optional;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.EngineTime;
import org.springframework.stereotype.Service;

/**
 * The register of clients, one record per unified social credit code (R-ID-1). A record
 * is created from the first application under its credit code and changed only by
 * {@link ClientChangeReview}, when the reviewer of an application confirms what it says;
 * nothing prints it: the certificate, its PDF, the public lookup and the registry export
 * print the application's own name and address.
 */
@Service
public class ClientRegister {

	private final ClientRepository clients;

	ClientRegister(ClientRepository clients) {
		this.clients = clients;
	}

	/**
	 * The client of a new application: the record on file under its credit code,
	 * unchanged even where the application says otherwise (the reviewer sees the
	 * difference and decides), else a new record as applied.
	 */
	long forApplication(ApplicationRequest request, String applicationNumber, String by) {
		Optional<ClientRecord> existing = this.clients.find(request.creditCode());
		if (existing.isPresent()) {
			return existing.get().id();
		}
		return register(request.clientName(), request.clientAddress(), request.creditCode(), request.legalStatus(),
				applicationNumber, by);
	}

	/**
	 * Demo data: a client on record without an application, unless one is on record under
	 * the code already.
	 */
	void registerIfAbsent(String name, String address, String creditCode, String legalStatus) {
		if (this.clients.find(creditCode).isEmpty()) {
			register(name, address, creditCode, legalStatus, null, CurrentUser.SYSTEM);
		}
	}

	/** The client on record under this credit code. */
	public Optional<ClientRecord> onRecord(String creditCode) {
		return this.clients.find(creditCode);
	}

	/**
	 * How the application's client differs from the record, read now; empty when it does
	 * not.
	 */
	public Optional<ClientDifference> difference(ApplicationRecord application) {
		return this.clients.find(application.creditCode())
			.map(record -> new ClientDifference(record, application))
			.filter(ClientDifference::any);
	}

	/** Every change of the client's record, oldest first. */
	public List<ClientHistoryEntry> history(String creditCode) {
		return this.clients.history(creditCode);
	}

	private long register(String name, String address, String creditCode, String legalStatus, String applicationNumber,
			String by) {
		long id = this.clients.insert(name, address, creditCode, legalStatus);
		this.clients.recordHistory(id, new ClientHistoryEntry(ClientHistoryEntry.REGISTERED, applicationNumber, null,
				null, null, name, address, legalStatus, null, by, EngineTime.now()));
		return id;
	}

}
