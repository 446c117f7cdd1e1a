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
import java.util.TreeMap;

import cn.certflow.accreditation.AccreditationFile.Audit;
import cn.certflow.accreditation.AccreditationFile.Evaluation;
import cn.certflow.accreditation.AccreditationFile.ItemScore;
import cn.certflow.accreditation.AccreditationFile.Decision;
import cn.certflow.accreditation.AccreditationFile.ProcessStep;
import cn.certflow.accreditation.AccreditationFile.Score;
import cn.certflow.appeal.CaseRecord;
import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.application.ApplicationStatus;
import cn.certflow.application.InitialCertification;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateRequest;
import cn.certflow.certificate.CertificateRequests;
import cn.certflow.certificate.CertificateService;
import cn.certflow.governance.DecisionImpactReports;
import cn.certflow.grading.ScoringMethod;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.grading.SheetItem;
import cn.certflow.competence.Qualifications;
import cn.certflow.impartiality.ConflictOfInterest;
import cn.certflow.impartiality.ImpartialityCheck;
import cn.certflow.planning.AuditType;
import cn.certflow.surveillance.Surveillance;
import cn.certflow.surveillance.SurveillanceService;
import cn.certflow.system.AsEngine;
import cn.certflow.system.EngineTime;
import cn.certflow.system.StatusHistory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Service;

/**
 * Builds the accreditation file of a certificate from our tables and Camunda's history.
 * The caller's group was checked by the controller; engine queries run without
 * per-resource authorization so that the file is whole.
 */
@Service
class AccreditationFileBuilder {

	static final String INITIAL = AuditType.INITIAL.name();

	private final CertificateService certificates;

	private final ApplicationService applications;

	private final CycleRecords records;

	private final StatusHistory statusHistory;

	private final ConflictOfInterest impartiality;

	private final SchemeCatalog schemes;

	private final HistoryService history;

	private final RepositoryService repository;

	/**
	 * Issue 23: the impact report of the table version that graded the certificate, the
	 * evidence behind it.
	 */
	private final DecisionImpactReports impactReports;

	private final AsEngine asEngine;

	private final ObjectMapper json;

	private final SurveillanceService surveillances;

	private final CertificateRequests requests;

	private final Qualifications qualifications;

	AccreditationFileBuilder(CertificateService certificates, ApplicationService applications, CycleRecords records,
			StatusHistory statusHistory, ConflictOfInterest impartiality, SchemeCatalog schemes, HistoryService history,
			RepositoryService repository, AsEngine asEngine, ObjectMapper json, SurveillanceService surveillances,
			CertificateRequests requests, DecisionImpactReports impactReports, Qualifications qualifications) {
		this.qualifications = qualifications;
		this.impactReports = impactReports;
		this.surveillances = surveillances;
		this.requests = requests;
		this.certificates = certificates;
		this.applications = applications;
		this.records = records;
		this.statusHistory = statusHistory;
		this.impartiality = impartiality;
		this.schemes = schemes;
		this.history = history;
		this.repository = repository;
		this.asEngine = asEngine;
		this.json = json;
	}

	AccreditationFile build(String certificateNumber, String requestedBy) {
		// our controller has checked the caller's group already: the engine's records are
		// read as the system
		return this.asEngine.call(() -> assemble(certificateNumber, requestedBy));
	}

	private AccreditationFile assemble(String certificateNumber, String requestedBy) {
		Certificate c = this.certificates.get(certificateNumber);
		String applicationNumber = this.records.applicationNumber(c.applicationId()).orElseThrow();
		ApplicationRecord application = this.applications.get(applicationNumber);
		long applicationId = application.id();
		List<ImpartialityCheck> checks = this.impartiality.checks(applicationNumber);
		Map<Long, CycleRecords.DecisionRow> decisions = new HashMap<>();
		this.records.decisions(applicationId).forEach(d -> decisions.put(d.auditId(), d));
		List<Audit> audits = this.records.audits(applicationId).stream().map(a -> audit(a, checks, decisions)).toList();
		List<Audit> initial = ofType(audits, INITIAL);
		List<Surveillance> schedule = this.surveillances.of(certificateNumber);
		List<CertificateRequest> requests = this.requests.of(certificateNumber);
		List<CaseRecord> cases = this.records.cases(certificateNumber, applicationNumber);
		List<String> businessKeys = new ArrayList<>(List.of(applicationNumber, certificateNumber));
		cases.forEach(k -> businessKeys.add(k.number()));
		Map<String, Object> variables = variables(application.processInstanceId());
		Decision initialDecision = initial.isEmpty() ? null : initial.get(initial.size() - 1).decision();

		return new AccreditationFile(
				new AccreditationFile.Generated(EngineTime.now(), requestedBy,
						"CertFlow records (application, audit, decision, certificate, revision, surveillance, request,"
								+ " case, status and impartiality tables) and Camunda history (process steps, user"
								+ " operation log, decision evaluations)"),
				new AccreditationFile.CertificateFace(
						c.number(), c.revision(), c.certificationBody(), c.holderName(), c.holderAddress(),
						c.creditCode(), c.scope(), c.scheme(), c.ruleDocument(), c.standard(), c.stars(), c.grade(),
						c.issuedOn(), c.expiresOn(), c.signatory(), c.status(), c.statusOn(EngineTime.today())),
				this.certificates.revisions(certificateNumber),
				new AccreditationFile.Application(application.number(), application.clientName(),
						application.clientAddress(), application.creditCode(), application.legalStatus(),
						application.schemeId(), application.requestedStars(), application.technicalArea(),
						application.categories(), application.sites().lines().toList(), application.headcount(),
						Arrays.asList(application.declaredDocuments().split(",")), application.receivedAt(),
						application.processInstanceId()),
				new AccreditationFile.ApplicationReview(application.reviewDueAt(), application.reviewedAt(),
						application.reviewedBy(), application.reviewMinutes(),
						(application.reviewedAt() != null)
								? !application.reviewedAt().isAfter(application.reviewDueAt()) : null,
						text(variables.get(InitialCertification.REVIEW_OUTCOME.getName())),
						text(variables.get(InitialCertification.REVIEW_NOTES.getName())),
						text(variables.get(InitialCertification.REJECTION_REASON.getName())),
						this.records.escalations(applicationId)),
				this.records.documents(applicationId), contract(application),
				this.records.documentReviews(applicationId), initial, grade(c, audits), initialDecision, checks,
				this.qualifications.heldFor(applicationNumber), this.records.notices(applicationId),
				this.records.statusChanges(Map.of(StatusHistory.Entity.APPLICATION, List.of(applicationNumber),
						StatusHistory.Entity.AUDIT, audits.stream().map(a -> String.valueOf(a.id())).toList(),
						StatusHistory.Entity.CERTIFICATE, List.of(certificateNumber), StatusHistory.Entity.SURVEILLANCE,
						schedule.stream().map(v -> String.valueOf(v.id())).toList(), StatusHistory.Entity.REQUEST,
						requests.stream().map(r -> String.valueOf(r.id())).toList(), StatusHistory.Entity.CASE,
						cases.stream().map(CaseRecord::number).toList(), StatusHistory.Entity.CERTIFICATE_AUDIT,
						List.of(certificateNumber))),
				processHistory(businessKeys),
				new AccreditationFile.Surveillance(schedule, ofType(audits, "SURVEILLANCE", "SPECIAL"),
						none(schedule.isEmpty(), "no surveillance recorded for this certificate yet")),
				new AccreditationFile.Recertification(ofType(audits, "RECERTIFICATION"),
						none(ofType(audits, "RECERTIFICATION").isEmpty(),
								"no recertification recorded for this certificate yet")),
				new AccreditationFile.Changes(requests, ofType(audits, "CHANGE", "EXTENSION", "UPGRADE"),
						none(requests.isEmpty(), "no request about this certificate")),
				new AccreditationFile.ComplaintsAndAppeals(cases,
						none(cases.isEmpty(), "no complaint or appeal about this certificate or its application")));
	}

	private Audit audit(CycleRecords.AuditRow a, List<ImpartialityCheck> checks,
			Map<Long, CycleRecords.DecisionRow> decisions) {
		Long id = a.id();
		CycleRecords.DecisionRow d = decisions.get(a.id());
		return new Audit(a.id(), a.type(), a.personDays(), a.plannedOn(), a.plannedBy(), a.plannedAt(), a.leadAuditor(),
				this.records.team(a.id()), a.status(), a.outcome(),
				checks.stream()
					.filter(k -> ImpartialityCheck.AUDIT_PLAN.equals(k.step()) && id.equals(k.auditId()))
					.toList(),
				this.records.events(a.id()), this.records.scores(a.id()).stream().map(this::score).toList(),
				this.records.nonconformities(a.id()),
				(d != null) ? new Decision(d.certified(), d.stars(), d.reasons(), d.externalInfo(),
						d.notRecommendedOverride(), d.decidedBy(), d.decidedAt(),
						checks.stream()
							.filter(k -> ImpartialityCheck.DECISION.equals(k.step()) && id.equals(k.auditId()))
							.toList())
						: null);
	}

	private static List<Audit> ofType(List<Audit> audits, String... types) {
		List<String> wanted = List.of(types);
		return audits.stream().filter(a -> wanted.contains(a.type())).toList();
	}

	private static String none(boolean empty, String note) {
		return empty ? note : null;
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

	/**
	 * The grade on the certificate and what it rests on: the latest scoring of the latest
	 * audit with a positive decision (initial certification, surveillance, downgrade,
	 * recertification), the DMN table version that graded it, and the engine's record of
	 * that evaluation.
	 */
	private AccreditationFile.Grade grade(Certificate c, List<Audit> audits) {
		Audit basis = audits.stream()
			.filter(a -> a.decision() != null && a.decision().certified() && !a.scores().isEmpty())
			.reduce((first, second) -> second)
			.orElse(null);
		Score score = (basis != null) ? basis.scores().get(basis.scores().size() - 1) : null;
		String key = (score != null) ? score.decisionKey() : c.decisionKey();
		int version = (score != null) ? score.decisionVersion() : c.decisionVersion();
		DecisionDefinition table = this.repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(key)
			.decisionDefinitionVersion(version)
			.singleResult();
		Deployment deployment = (table != null)
				? this.repository.createDeploymentQuery().deploymentId(table.getDeploymentId()).singleResult() : null;
		return new AccreditationFile.Grade(c.grade(), c.stars(), c.gradeExplanation(),
				(basis != null) ? basis.id() : null, (basis != null) ? basis.type() : null,
				(score != null) ? score.score() : null, (score != null) ? score.stars() : null, key, version,
				(table != null) ? table.getId() : null, (table != null) ? table.getName() : null,
				(table != null) ? table.getResourceName() : null, (table != null) ? table.getDeploymentId() : null,
				(deployment != null) ? time(deployment.getDeploymentTime()) : null,
				(score != null) ? score.explanation() : c.gradeExplanation().lines().toList(),
				(table != null && score != null) ? evaluation(table.getId(), score.score(), score.scoredAt()) : null,
				this.impactReports.pagePath(key, version).orElse(null));
	}

	/**
	 * The engine's historic evaluation of the table at the scoring: same definition, same
	 * time, same score.
	 */
	private Evaluation evaluation(String decisionDefinitionId, BigDecimal score, OffsetDateTime scoredAt) {
		Date at = EngineTime.toDate(scoredAt);
		List<HistoricDecisionInstance> candidates = this.history.createHistoricDecisionInstanceQuery()
			.decisionDefinitionId(decisionDefinitionId)
			.evaluatedAfter(new Date(at.getTime() - 2000))
			.evaluatedBefore(new Date(at.getTime() + 2000))
			.includeInputs()
			.includeOutputs()
			.list();
		return candidates.stream()
			.filter(h -> h.getInputs().stream().anyMatch(i -> sameNumber(i.getValue(), score)))
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

	/**
	 * Every step of every process run on the application, the certificate and its cases
	 * (initial certification, on-site audits, lifecycle, certificate audits, suspension,
	 * appeals), with who completed each task.
	 */
	private List<ProcessStep> processHistory(List<String> businessKeys) {
		List<ProcessStep> steps = new ArrayList<>();
		for (HistoricProcessInstance process : this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKeyIn(businessKeys.toArray(String[]::new))
			.orderByProcessInstanceStartTime()
			.asc()
			.list()) {
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
						a.getActivityType(), a.getAssignee(),
						(a.getTaskId() != null) ? completedBy.get(a.getTaskId()) : null, time(a.getStartTime()),
						time(a.getEndTime()), a.isCanceled()));
			}
		}
		steps.sort(Comparator.comparing(ProcessStep::startedAt));
		return steps;
	}

	/** The application review's form values, as Camunda's history keeps them. */
	private Map<String, Object> variables(String processInstanceId) {
		Map<String, Object> variables = new HashMap<>();
		if (processInstanceId != null) {
			for (HistoricVariableInstance v : this.history.createHistoricVariableInstanceQuery()
				.processInstanceId(processInstanceId)
				.variableNameIn(InitialCertification.REVIEW_OUTCOME.getName(),
						InitialCertification.REVIEW_NOTES.getName(), InitialCertification.REJECTION_REASON.getName())
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

}
