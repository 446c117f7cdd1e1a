package cn.certflow.accreditation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import cn.certflow.accreditation.AccreditationFile.Audit;
import cn.certflow.accreditation.AccreditationFile.Evaluation;
import cn.certflow.accreditation.AccreditationFile.ItemScore;
import cn.certflow.accreditation.AccreditationFile.Lifecycle;
import cn.certflow.accreditation.AccreditationFile.ProcessRun;
import cn.certflow.accreditation.AccreditationFile.ProcessStep;
import cn.certflow.accreditation.AccreditationFile.Score;
import cn.certflow.accreditation.AccreditationFile.StatusChange;
import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.application.ApplicationStatus;
import cn.certflow.application.InitialCertification;
import cn.certflow.audit.OnsiteAudit;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateService;
import cn.certflow.grading.ScoringMethod;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.grading.SheetItem;
import cn.certflow.impartiality.ConflictOfInterest;
import cn.certflow.impartiality.ImpartialityCheck;
import cn.certflow.planning.AuditType;
import cn.certflow.system.EngineTime;
import cn.certflow.system.StatusHistory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Service;

/**
 * Builds the accreditation file of a certificate from our tables and Camunda's history. The caller's group was
 * checked by the controller; engine queries run without per-resource authorization so that the file is whole.
 */
@Service
class AccreditationFileBuilder {

	/** Process definitions of the certification cycle itself; any other process on the file's keys is lifecycle. */
	static final Set<String> CYCLE_PROCESSES = Set.of(InitialCertification.KEY, OnsiteAudit.KEY);

	private final CertificateService certificates;

	private final ApplicationService applications;

	private final CycleRecords records;

	private final StatusHistory statusHistory;

	private final ConflictOfInterest impartiality;

	private final SchemeCatalog schemes;

	private final HistoryService history;

	private final RepositoryService repository;

	private final IdentityService identity;

	private final ObjectMapper json;

	AccreditationFileBuilder(CertificateService certificates, ApplicationService applications, CycleRecords records,
			StatusHistory statusHistory, ConflictOfInterest impartiality, SchemeCatalog schemes, HistoryService history,
			RepositoryService repository, IdentityService identity, ObjectMapper json) {
		this.certificates = certificates;
		this.applications = applications;
		this.records = records;
		this.statusHistory = statusHistory;
		this.impartiality = impartiality;
		this.schemes = schemes;
		this.history = history;
		this.repository = repository;
		this.identity = identity;
		this.json = json;
	}

	AccreditationFile build(String certificateNumber, String requestedBy) {
		return withoutEngineAuthorization(() -> assemble(certificateNumber, requestedBy));
	}

	private AccreditationFile assemble(String certificateNumber, String requestedBy) {
		Certificate c = this.certificates.get(certificateNumber);
		String applicationNumber = this.records.applicationNumber(c.applicationId()).orElseThrow();
		ApplicationRecord application = this.applications.get(applicationNumber);
		long applicationId = application.id();
		List<ImpartialityCheck> checks = this.impartiality.checks(applicationNumber);
		List<CycleRecords.DecisionRow> decisions = this.records.decisions(applicationId);
		CycleRecords.DecisionRow decision = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
		List<Audit> audits = this.records.audits(applicationId).stream().map(a -> audit(a, checks)).toList();
		List<HistoricProcessInstance> processes = this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKeyIn(applicationNumber, certificateNumber)
			.orderByProcessInstanceStartTime()
			.asc()
			.list();
		Map<String, Object> variables = variables(application.processInstanceId());

		return new AccreditationFile(
				new AccreditationFile.Generated(EngineTime.now(), requestedBy,
						"CertFlow records (application, audit, decision, certificate, status and impartiality tables)"
								+ " and Camunda history (process steps, user operation log, decision evaluations)"),
				new AccreditationFile.CertificateFace(c.number(), c.revision(), c.certificationBody(), c.holderName(),
						c.holderAddress(), c.creditCode(), c.scope(), c.scheme(), c.ruleDocument(), c.standard(),
						c.stars(), c.grade(), c.issuedOn(), c.expiresOn(), c.signatory(), c.status(),
						c.statusOn(EngineTime.today())),
				new AccreditationFile.Application(application.number(), application.clientName(),
						application.clientAddress(), application.creditCode(), application.legalStatus(),
						application.schemeId(), application.requestedStars(), application.technicalArea(),
						application.categories(), application.sites().lines().toList(), application.headcount(),
						Arrays.asList(application.declaredDocuments().split(",")), application.receivedAt(),
						application.processInstanceId()),
				new AccreditationFile.ApplicationReview(application.reviewDueAt(), application.reviewedAt(),
						application.reviewedBy(), application.reviewMinutes(),
						(application.reviewedAt() != null) ? !application.reviewedAt().isAfter(application.reviewDueAt())
								: null,
						text(variables.get(InitialCertification.REVIEW_OUTCOME.getName())),
						text(variables.get(InitialCertification.REVIEW_NOTES.getName())),
						text(variables.get(InitialCertification.REJECTION_REASON.getName())),
						this.records.escalations(applicationId)),
				this.records.documents(applicationId), contract(application),
				this.records.documentReviews(applicationId),
				audits.stream().filter(a -> AuditType.INITIAL.name().equals(a.type())).toList(), grade(c, decision),
				(decision != null) ? new AccreditationFile.Decision(decision.certified(), decision.stars(),
						decision.reasons(), decision.externalInfo(), decision.decidedBy(), decision.decidedAt(),
						checks.stream().filter(k -> ImpartialityCheck.DECISION.equals(k.step())).toList()) : null,
				checks, this.records.notices(applicationId), statusChanges(applicationNumber, audits, certificateNumber),
				processHistory(processes),
				lifecycle(audits, processes, AuditType.SURVEILLANCE.name(), "surveillance",
						"no surveillance audit recorded for this certificate"),
				lifecycle(audits, processes, AuditType.RECERTIFICATION.name(), "recertification",
						"no recertification recorded for this certificate"),
				lifecycle(List.of(), processes, null, "complaint|appeal",
						"no complaint or appeal recorded for this certificate"));
	}

	private Audit audit(CycleRecords.AuditRow a, List<ImpartialityCheck> checks) {
		return new Audit(a.id(), a.type(), a.personDays(), a.plannedOn(), a.plannedBy(), a.plannedAt(), a.leadAuditor(),
				this.records.team(a.id()), a.status(), a.outcome(),
				checks.stream()
					.filter(k -> ImpartialityCheck.AUDIT_PLAN.equals(k.step()) && Long.valueOf(a.id()).equals(k.auditId()))
					.toList(),
				this.records.events(a.id()), this.records.scores(a.id()).stream().map(this::score).toList(),
				this.records.nonconformities(a.id()));
	}

	private Score score(CycleRecords.ScoreRow s) {
		Map<String, Object> entered = new TreeMap<>(parse(s.itemScores()));
		List<ItemScore> items = new ArrayList<>();
		ScoringMethod method = this.schemes.get(s.scheme()).scoring();
		for (SheetItem item : this.schemes.get(s.scheme()).sheet().items()) {
			Object awarded = entered.remove(item.variableName(method));
			items.add(new ItemScore(item.id(), item.category(), item.indicator(), item.points(), text(awarded)));
		}
		return new Score(s.score(), s.stars(), s.grade(), s.decisionKey(), s.decisionVersion(),
				s.explanation().lines().toList(), items, entered, s.scoredBy(), s.scoredAt());
	}

	private AccreditationFile.Contract contract(ApplicationRecord application) {
		if (application.contractNumber() == null) {
			return null;
		}
		StatusHistory.Change signed = this.statusHistory.of(StatusHistory.Entity.APPLICATION, application.number())
			.stream()
			.filter(ch -> ApplicationStatus.CONTRACTED.name().equals(ch.toStatus()))
			.findFirst()
			.orElse(null);
		return new AccreditationFile.Contract(application.contractNumber(), application.contractSignedOn(),
				(signed != null) ? signed.changedBy() : null, (signed != null) ? signed.changedAt() : null);
	}

	/** The grade on the certificate, the DMN table version that gave it, and the engine's record of that evaluation. */
	private AccreditationFile.Grade grade(Certificate c, CycleRecords.DecisionRow decision) {
		CycleRecords.ScoreRow score = null;
		if (decision != null) {
			List<CycleRecords.ScoreRow> scores = this.records.scores(decision.auditId());
			score = scores.isEmpty() ? null : scores.get(scores.size() - 1);
		}
		DecisionDefinition table = this.repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(c.decisionKey())
			.decisionDefinitionVersion(c.decisionVersion())
			.singleResult();
		Deployment deployment = (table != null)
				? this.repository.createDeploymentQuery().deploymentId(table.getDeploymentId()).singleResult() : null;
		return new AccreditationFile.Grade(c.grade(), c.stars(), (score != null) ? score.stars() : c.stars(),
				c.decisionKey(), c.decisionVersion(), (table != null) ? table.getId() : null,
				(table != null) ? table.getName() : null, (table != null) ? table.getResourceName() : null,
				(table != null) ? table.getDeploymentId() : null,
				(deployment != null) ? time(deployment.getDeploymentTime()) : null,
				c.gradeExplanation().lines().toList(),
				(table != null && score != null) ? evaluation(table.getId(), score) : null);
	}

	/** The engine's historic evaluation of the table at the scoring: same definition, same time, same score. */
	private Evaluation evaluation(String decisionDefinitionId, CycleRecords.ScoreRow score) {
		Date at = EngineTime.toDate(score.scoredAt());
		List<HistoricDecisionInstance> candidates = this.history.createHistoricDecisionInstanceQuery()
			.decisionDefinitionId(decisionDefinitionId)
			.evaluatedAfter(new Date(at.getTime() - 2000))
			.evaluatedBefore(new Date(at.getTime() + 2000))
			.includeInputs()
			.includeOutputs()
			.list();
		return candidates.stream()
			.filter(h -> h.getInputs().stream().anyMatch(i -> sameNumber(i.getValue(), score.score())))
			.reduce((first, second) -> second)
			.map(h -> {
				Map<String, Object> inputs = new LinkedHashMap<>();
				h.getInputs().forEach(i -> inputs.put(i.getClauseName(), i.getValue()));
				Map<String, Object> outputs = new LinkedHashMap<>();
				h.getOutputs().forEach(o -> outputs.put(o.getVariableName(), o.getValue()));
				return new Evaluation(h.getId(), time(h.getEvaluationTime()), inputs, outputs);
			})
			.orElse(null);
	}

	private List<StatusChange> statusChanges(String applicationNumber, List<Audit> audits, String certificateNumber) {
		return this.records.statusChanges(applicationNumber, audits.stream().map(Audit::id).toList(), certificateNumber);
	}

	/** Every step of the certification's processes, with the user who completed each task (user operation log). */
	private List<ProcessStep> processHistory(List<HistoricProcessInstance> processes) {
		List<ProcessStep> steps = new ArrayList<>();
		for (HistoricProcessInstance process : processes) {
			if (!CYCLE_PROCESSES.contains(process.getProcessDefinitionKey())) {
				continue;
			}
			Map<String, String> completedBy = new HashMap<>();
			this.history.createUserOperationLogQuery()
				.processInstanceId(process.getId())
				.operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
				.list()
				.forEach(e -> completedBy.putIfAbsent(e.getTaskId(), e.getUserId()));
			for (HistoricActivityInstance a : this.history.createHistoricActivityInstanceQuery()
				.processInstanceId(process.getId())
				.orderByHistoricActivityInstanceStartTime()
				.asc()
				.orderPartiallyByOccurrence()
				.asc()
				.list()) {
				if (a.getActivityType().endsWith("Gateway")) {
					continue;
				}
				steps.add(new ProcessStep(process.getProcessDefinitionKey(), a.getActivityId(), a.getActivityName(),
						a.getActivityType(), a.getAssignee(), (a.getTaskId() != null) ? completedBy.get(a.getTaskId()) : null,
						time(a.getStartTime()), time(a.getEndTime()), a.isCanceled()));
			}
		}
		steps.sort(Comparator.comparing(ProcessStep::startedAt));
		return steps;
	}

	/** Audits of the kind and the lifecycle processes (by definition key) run on the certificate or application. */
	private Lifecycle lifecycle(List<Audit> audits, List<HistoricProcessInstance> processes, String auditType,
			String processKeyPattern, String none) {
		List<Audit> matching = audits.stream().filter(a -> a.type().equals(auditType)).toList();
		List<ProcessRun> runs = processes.stream()
			.filter(p -> !CYCLE_PROCESSES.contains(p.getProcessDefinitionKey()))
			.filter(p -> p.getProcessDefinitionKey().matches(".*(" + processKeyPattern + ").*"))
			.map(p -> new ProcessRun(p.getProcessDefinitionKey(), p.getId(), p.getBusinessKey(), time(p.getStartTime()),
					time(p.getEndTime()), p.getState()))
			.toList();
		return new Lifecycle(matching, runs, (matching.isEmpty() && runs.isEmpty()) ? none : null);
	}

	/** The application review's form values, as Camunda's history keeps them. */
	private Map<String, Object> variables(String processInstanceId) {
		Map<String, Object> variables = new HashMap<>();
		if (processInstanceId != null) {
			for (HistoricVariableInstance v : this.history.createHistoricVariableInstanceQuery()
				.processInstanceId(processInstanceId)
				.variableNameIn(InitialCertification.REVIEW_OUTCOME.getName(), InitialCertification.REVIEW_NOTES.getName(),
						InitialCertification.REJECTION_REASON.getName())
				.list()) {
				variables.put(v.getName(), v.getValue());
			}
		}
		return variables;
	}

	private Map<String, Object> parse(String itemScores) {
		try {
			return this.json.readValue(itemScores, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable item scores: " + itemScores, ex);
		}
	}

	private static boolean sameNumber(Object value, BigDecimal score) {
		return value instanceof Number n && new BigDecimal(n.toString()).compareTo(score) == 0;
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static OffsetDateTime time(Date date) {
		return (date != null) ? OffsetDateTime.ofInstant(date.toInstant(), EngineTime.ZONE) : null;
	}

	/** Runs engine queries as the system: the controller has checked the caller's group already. */
	private <T> T withoutEngineAuthorization(Supplier<T> query) {
		Authentication caller = this.identity.getCurrentAuthentication();
		this.identity.clearAuthentication();
		try {
			return query.get();
		}
		finally {
			if (caller != null) {
				this.identity.setAuthentication(caller);
			}
		}
	}

}
