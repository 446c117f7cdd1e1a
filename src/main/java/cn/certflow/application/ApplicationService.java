package cn.certflow.application;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.Map;
import java.util.Optional;

import cn.certflow.clock.RegulatoryClock;
import cn.certflow.clock.RegulatoryPeriod;
import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.NoticeTo;
import cn.certflow.notification.Notices;
import cn.certflow.system.CurrentUser;
import cn.certflow.security.Groups;
import cn.certflow.system.EngineTime;
import cn.certflow.system.NumberAllocator;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Service;

/**
 * Receives applications and keeps their record and status history (R-APP-1..4, R-DOC-1).
 */
@Service
public class ApplicationService {

	private final ApplicationRepository applications;

	private final ClientRegister clients;

	private final ApplicationValidator validator;

	private final NumberAllocator numbers;

	private final StatusHistory history;

	private final RuntimeService runtime;

	private final RegulatoryClock clock;

	private final Notices notices;

	ApplicationService(ApplicationRepository applications, ClientRegister clients, ApplicationValidator validator,
			NumberAllocator numbers, StatusHistory history, RuntimeService runtime, Notices notices,
			RegulatoryClock clock) {
		this.notices = notices;
		this.applications = applications;
		this.clients = clients;
		this.validator = validator;
		this.numbers = numbers;
		this.history = history;
		this.runtime = runtime;
		this.clock = clock;
	}

	/**
	 * Validates the application and starts its certification; the record is written by
	 * the process's first step in the same transaction. Invalid input: nothing is written
	 * and no process starts.
	 */
	public String submit(ApplicationRequest request) {
		this.validator.validate(request);
		VariableMap variables = ApplicationVariables.of(request);
		return InitialCertification.APPLICATION_NUMBER
			.from(this.runtime.createProcessInstanceByKey(InitialCertification.KEY)
				.setVariables(variables)
				.executeWithVariablesInReturn()
				.getVariables())
			.get();
	}

	/**
	 * The checks of {@link #submit} without starting anything: bad input names every
	 * field (the client portal checks its form before it stores the files, issue 18).
	 */
	public void validate(ApplicationRequest request) {
		this.validator.validate(request);
	}

	/** Registers a received application (first step of the process). */
	Registration register(ApplicationRequest request, String processInstanceId, String submittedBy) {
		this.validator.validate(request);
		String number = "APP-" + Year.from(EngineTime.now()) + "-"
				+ String.format("%06d", this.numbers.next("APPLICATION"));
		// the application keeps its client as applied; a record on file under the credit
		// code is not changed here
		// (R-ID-1: the reviewer sees the difference and decides, ClientChangeReview)
		long clientId = this.clients.forApplication(request, number, submittedBy);
		OffsetDateTime received = EngineTime.now();
		OffsetDateTime due = this.clock.after(received, RegulatoryPeriod.APPLICATION_REVIEW);
		this.applications.insert(number, clientId, request, received, due, processInstanceId);
		this.history.record(StatusHistory.Entity.APPLICATION, number, null, ApplicationStatus.RECEIVED.name(),
				submittedBy, "application received");
		return new Registration(number, due);
	}

	record Registration(String number, OffsetDateTime reviewDueAt) {
	}

	public void changeStatus(String number, ApplicationStatus to, String by, String reason) {
		ApplicationRecord application = this.applications.get(number);
		this.applications.updateStatus(number, to);
		this.history.record(StatusHistory.Entity.APPLICATION, number, application.status().name(), to.name(), by,
				reason);
	}

	void recordReview(String number, String reviewer, boolean accepted, String reason) {
		ApplicationRecord application = this.applications.get(number);
		OffsetDateTime now = EngineTime.now();
		this.applications.recordReview(number, reviewer, now, Duration.between(application.receivedAt(), now));
		changeStatus(number, accepted ? ApplicationStatus.ACCEPTED : ApplicationStatus.REJECTED, reviewer,
				accepted ? "application review passed" : reason);
	}

	/**
	 * One round of the document review (R-DOC-1, PCEC 8.1): recorded; findings to correct
	 * go to the client, with the date the corrections are due (regulatory clock
	 * DOCUMENT_CORRECTIONS), in the same transaction as the status change.
	 * @return when the corrections are due; empty when the review passed
	 */
	Optional<OffsetDateTime> documentsReviewed(ApplicationRecord application, boolean passed, String findings,
			String reviewer) {
		this.applications.recordDocumentReview(application.id(), passed, findings, reviewer);
		Optional<OffsetDateTime> due = passed ? Optional.empty() : Optional.of(correctionsDue(EngineTime.now()));
		due.ifPresent((d) -> this.notices.send(NoticeKind.DOCUMENT_FINDINGS, NoticeTo.application(application.number()),
				Map.of("findings", findings, "deadline", d.toLocalDate().toString()), reviewer));
		changeStatus(application.number(),
				passed ? ApplicationStatus.DOCUMENTS_PASSED : ApplicationStatus.DOCUMENTS_IN_CORRECTION, reviewer,
				passed ? "document review passed" : findings);
		return due;
	}

	/**
	 * The client let the corrections' deadline pass (PCEC 8.1, product default period):
	 * the escalation to the reviewers is recorded and the client is reminded; its task
	 * stays open.
	 */
	void documentCorrectionsOverdue(ApplicationRecord application) {
		OffsetDateTime due = correctionsDue(this.applications.lastDocumentReviewAt(application.id()).orElseThrow());
		this.applications.recordEscalation(application.id(), "DOCUMENT_CORRECTIONS_OVERDUE", due, Groups.REVIEWERS);
		this.notices.send(NoticeKind.DOCUMENT_CORRECTIONS_OVERDUE, NoticeTo.application(application.number()),
				Map.of("deadline", due.toLocalDate().toString()), CurrentUser.SYSTEM);
	}

	/** The corrected documents are due this long after the review that asked for them. */
	private OffsetDateTime correctionsDue(OffsetDateTime reviewedAt) {
		return this.clock.after(reviewedAt, RegulatoryPeriod.DOCUMENT_CORRECTIONS);
	}

	/**
	 * What the lead auditor or a reviewer did about overdue corrections, on the timeline.
	 */
	void overdueCorrectionsFollowedUp(ApplicationRecord application, String notes, String by) {
		this.history.record(StatusHistory.Entity.APPLICATION, application.number(), application.status().name(),
				application.status().name(), by, "overdue document corrections followed up: " + notes);
	}

	public ApplicationRecord get(String number) {
		return this.applications.get(number);
	}

	/**
	 * The application whose initial certification is this process instance, from our
	 * records (application.process_instance_id) — never from a process variable, which
	 * whoever completes a task may set.
	 */
	public ApplicationRecord forProcess(String processInstanceId) {
		return this.applications.findByProcessInstance(processInstanceId)
			.orElseThrow(
					() -> new IllegalStateException("No application is certified in process " + processInstanceId));
	}

	/**
	 * Every application of the client with this credit code, newest first (the client
	 * portal, issue 18).
	 */
	public java.util.List<ApplicationRecord> ofClient(String creditCode) {
		return this.applications.ofClient(creditCode);
	}

	public ApplicationRecord byId(long id) {
		return this.applications.byId(id);
	}

}
