package cn.certflow.governance;

import static cn.certflow.governance.DecisionTableChange.APPROVAL_ID;
import static cn.certflow.governance.DecisionTableChange.CASES_SOURCE;
import static cn.certflow.governance.DecisionTableChange.CASE_OUTCOME;
import static cn.certflow.governance.DecisionTableChange.CASE_REPORT;
import static cn.certflow.governance.DecisionTableChange.CASE_SUMMARY;
import static cn.certflow.governance.DecisionTableChange.CHANGES;
import static cn.certflow.governance.DecisionTableChange.DECISION_DEFINITION_ID;
import static cn.certflow.governance.DecisionTableChange.DECISION_KEY;
import static cn.certflow.governance.DecisionTableChange.DECISION_NAME;
import static cn.certflow.governance.DecisionTableChange.DECISION_VERSION;
import static cn.certflow.governance.DecisionTableChange.IMPACT_CHANGED;
import static cn.certflow.governance.DecisionTableChange.IMPACT_EVALUATED;
import static cn.certflow.governance.DecisionTableChange.IMPACT_LIST;
import static cn.certflow.governance.DecisionTableChange.IMPACT_SUMMARY;
import static cn.certflow.governance.DecisionTableChange.IMPACT_URL;
import static cn.certflow.governance.DecisionTableChange.IN_FORCE_VERSION;
import static cn.certflow.governance.DecisionTableChange.PROPOSED_BY;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import cn.certflow.governance.DecisionApprovals.NewRecord;
import cn.certflow.governance.DecisionTableChange.CaseOutcome;
import cn.certflow.system.CurrentUser;
import cn.certflow.system.EngineTime;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds deployed decision versions that have no approval record yet, runs their
 * regression cases against that exact version and settles them (R-GRD-DMN):
 * <ul>
 * <li>at start-up, the first version of a key (the release's own table) is the baseline,
 * approved by {@code release} when its cases pass; when they fail, start-up fails listing
 * them;</li>
 * <li>a version whose table and cases are byte-for-byte those in force (a release that
 * redeploys everything) is approved by {@code system};</li>
 * <li>otherwise a {@code decision-table-change} process starts: failed cases → REJECTED
 * and a task for the quality managers; all passed → CANDIDATE waiting for a second
 * quality manager.</li>
 * </ul>
 * Found with public API: right after a signed-in user's deployment commits
 * ({@link DeploymentCommitted}: Modeler, REST), at start-up (the release's own
 * deployment), and by polling the repository every
 * {@code certflow.governance.check-interval} (anything else: code deploying without a
 * user, another cluster node, a check that failed). Until a version is approved,
 * evaluations keep using the version in force, so the time until a check runs is never a
 * time in which an unchecked table is used.
 */
@Component
@Order(10)
class NewDecisionVersions implements ApplicationRunner {

	/**
	 * Proposer of the application's own deployments (no authenticated user), and approver
	 * of the baseline.
	 */
	static final String RELEASE = "release";

	private static final Logger log = LoggerFactory.getLogger(NewDecisionVersions.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final RepositoryService repository;

	private final HistoryService history;

	private final RuntimeService runtime;

	private final DecisionApprovals approvals;

	private final RegressionCases regressionCases;

	private final TableChanges tableChanges;

	private final CandidateImpact impact;

	private final DecisionImpacts impacts;

	private final TransactionTemplate transaction;

	/**
	 * The scheduled check waits for the start-up one, which alone may approve a baseline.
	 */
	private volatile boolean startedUp;

	/**
	 * Runs the check after a deployment: a thread with no caller transaction and no
	 * caller authentication.
	 */
	private final ExecutorService afterDeployment = Executors
		.newSingleThreadExecutor((task) -> new Thread(task, "decision-governance"));

	NewDecisionVersions(RepositoryService repository, HistoryService history, RuntimeService runtime,
			DecisionApprovals approvals, RegressionCases regressionCases, TableChanges tableChanges,
			CandidateImpact impact, DecisionImpacts impacts, TransactionTemplate transaction) {
		this.repository = repository;
		this.history = history;
		this.runtime = runtime;
		this.approvals = approvals;
		this.regressionCases = regressionCases;
		this.tableChanges = tableChanges;
		this.impact = impact;
		this.impacts = impacts;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		check(true);
		this.startedUp = true;
	}

	@Scheduled(fixedDelayString = "${certflow.governance.check-interval:PT10S}",
			initialDelayString = "${certflow.governance.check-interval:PT10S}")
	void poll() {
		if (!this.startedUp) {
			return;
		}
		try {
			check(false);
		}
		catch (RuntimeException ex) {
			log.error("R-GRD-DMN: checking new decision versions failed; retried at the next check", ex);
		}
	}

	/**
	 * Right after a deployment committed (see {@link DeploymentCommitted}): runs the
	 * check at once and waits for it, so that when Modeler's deploy call returns, the
	 * version's cases have run and its task exists. Past the time limit the check carries
	 * on in the background.
	 */
	void checkAfterDeployment() {
		if (!this.startedUp) {
			return;
		}
		Future<?> check = this.afterDeployment.submit(this::poll);
		try {
			check.get(60, TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			log.warn("R-GRD-DMN: the check of a new deployment takes longer than 60 s; it goes on in the background");
		}
		catch (ExecutionException ex) {
			log.error("R-GRD-DMN: checking a new deployment failed; retried at the next check", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@PreDestroy
	void stop() {
		this.afterDeployment.shutdownNow();
	}

	/**
	 * Settles every version without a record.
	 * @param startUp whether the first version of a key may become the release's baseline
	 * @return the records created, oldest version first
	 */
	synchronized List<DecisionApproval> check(boolean startUp) {
		withdrawDeleted();
		List<DecisionApproval> created = new ArrayList<>();
		List<DecisionDefinition> latest = this.repository.createDecisionDefinitionQuery().latestVersion().list();
		for (DecisionDefinition newest : latest) {
			String key = newest.getKey();
			Integer recorded = this.approvals.highestRecordedVersion(key);
			if (recorded != null && recorded >= newest.getVersion()) {
				continue;
			}
			if (recorded == null && startUp) {
				settle(newest, true).ifPresent(created::add);
				continue;
			}
			int after = (recorded != null) ? recorded : 0;
			this.repository.createDecisionDefinitionQuery()
				.decisionDefinitionKey(key)
				.list()
				.stream()
				.filter((definition) -> definition.getVersion() > after)
				.sorted(Comparator.comparingInt(DecisionDefinition::getVersion))
				.forEach((definition) -> settle(definition, false).ifPresent(created::add));
		}
		return created;
	}

	/**
	 * Another node of a cluster may have recorded the version first: its record stands.
	 */
	private Optional<DecisionApproval> settle(DecisionDefinition definition, boolean baseline) {
		try {
			return Optional.of(baseline ? baseline(definition) : propose(definition));
		}
		catch (DuplicateKeyException ex) {
			log.info("R-GRD-DMN: {} v{} was recorded meanwhile by another node", definition.getKey(),
					definition.getVersion());
			return Optional.empty();
		}
	}

	private DecisionApproval baseline(DecisionDefinition definition) {
		Optional<CasesToRun> cases = this.regressionCases.casesFor(definition, Optional.empty());
		CaseRun run = this.regressionCases.run(definition, cases);
		if (!run.passed()) {
			throw new IllegalStateException(
					"R-GRD-DMN: decision " + definition.getKey() + " v" + definition.getVersion()
							+ " of this release fails its regression cases (" + run.summary() + "):\n" + run.report());
		}
		log.info("R-GRD-DMN: {} v{} approved as the release's baseline ({})", definition.getKey(),
				definition.getVersion(), run.summary());
		return insert(definition, ApprovalStatus.APPROVED, cases, run, "发布版本的基线", RELEASE, RELEASE,
				"发布版本自带的表，作为基线批准；" + run.summary());
	}

	private DecisionApproval propose(DecisionDefinition definition) {
		Optional<DecisionApproval> inForce = this.approvals.inForceRecord(definition.getKey());
		Optional<CasesToRun> cases = this.regressionCases.casesFor(definition, inForce);
		CaseRun run = this.regressionCases.run(definition, cases);
		String proposedBy = deployer(definition.getDeploymentId());
		if (run.passed() && inForce.isPresent() && unchanged(definition, inForce.get(), cases.get())) {
			log.info("R-GRD-DMN: {} v{} is identical to v{} in force; approved ({})", definition.getKey(),
					definition.getVersion(), inForce.get().version(), run.summary());
			return insert(definition, ApprovalStatus.APPROVED, cases, run, "与 v" + inForce.get().version() + " 相同",
					proposedBy, CurrentUser.SYSTEM,
					"表与用例均与已生效的 v" + inForce.get().version() + " 相同，沿用批准；" + run.summary());
		}
		String changes = this.tableChanges.describe(inForce, definition, cases);
		ApprovalStatus status = run.passed() ? ApprovalStatus.CANDIDATE : ApprovalStatus.REJECTED;
		// issue 23: what the candidate would have done to the past evaluations of the
		// version in force
		Optional<ImpactReport> impact = (run.passed() && inForce.isPresent())
				? Optional.of(this.impact.simulate(definition, inForce.get())) : Optional.empty();
		log.info("R-GRD-DMN: {} v{} deployed by {}: {} -> {}", definition.getKey(), definition.getVersion(), proposedBy,
				run.summary(), status);
		return this.transaction.execute((tx) -> {
			DecisionApproval approval = insert(definition, status, cases, run, changes, proposedBy, CurrentUser.SYSTEM,
					run.summary());
			VariableMap variables = Variables.createVariables();
			APPROVAL_ID.on(variables).set(approval.id());
			DECISION_KEY.on(variables).set(definition.getKey());
			DECISION_NAME.on(variables).set(definition.getName());
			DECISION_VERSION.on(variables).set(definition.getVersion());
			DECISION_DEFINITION_ID.on(variables).set(definition.getId());
			PROPOSED_BY.on(variables).set(proposedBy);
			IN_FORCE_VERSION.on(variables).set(inForce.map(DecisionApproval::version).orElse(0));
			CASE_OUTCOME.on(variables).set(run.passed() ? CaseOutcome.PASSED.name() : CaseOutcome.FAILED.name());
			CASE_SUMMARY.on(variables).set(run.summary());
			CASE_REPORT.on(variables).set(run.report());
			CASES_SOURCE.on(variables).set(cases.map(CasesToRun::source).orElse("（无）"));
			CHANGES.on(variables).set(changes);
			impact.ifPresent((report) -> {
				this.impacts.insert(approval.id(), definition.getId(), definition.getVersion(),
						inForce.get().approved(), report);
				IMPACT_SUMMARY.on(variables).set(report.summary());
				IMPACT_EVALUATED.on(variables).set(report.evaluated());
				IMPACT_CHANGED.on(variables).set(report.changed());
				IMPACT_LIST.on(variables).set(report.lines());
				IMPACT_URL.on(variables)
					.set(DecisionImpactReports.pagePathOf(definition.getKey(), definition.getVersion()));
			});
			ProcessInstance instance = this.runtime.startProcessInstanceByKey(DecisionTableChange.KEY,
					definition.getKey() + ":v" + definition.getVersion(), variables);
			this.approvals.linkProcess(approval.id(), instance.getId());
			return this.approvals.get(approval.id()).orElseThrow();
		});
	}

	private DecisionApproval insert(DecisionDefinition definition, ApprovalStatus status, Optional<CasesToRun> cases,
			CaseRun run, String changes, String proposedBy, String decidedBy, String comment) {
		Deployment deployment = this.repository.createDeploymentQuery()
			.deploymentId(definition.getDeploymentId())
			.singleResult();
		OffsetDateTime deployedAt = (deployment != null && deployment.getDeploymentTime() != null)
				? OffsetDateTime.ofInstant(deployment.getDeploymentTime().toInstant(), EngineTime.ZONE) : null;
		long id = this.approvals.insert(new NewRecord(definition.getKey(), definition.getName(),
				definition.getVersion(), definition.getId(), definition.getDeploymentId(), deployedAt, status,
				cases.orElse(null), run, changes, proposedBy, decidedBy, comment));
		return this.approvals.get(id).orElseThrow();
	}

	/**
	 * Table resource and cases byte-for-byte (cases as JSON) those of the version in
	 * force.
	 */
	private boolean unchanged(DecisionDefinition definition, DecisionApproval inForce, CasesToRun cases) {
		if (!Arrays.equals(this.regressionCases.table(definition), this.regressionCases.table(inForce))) {
			return false;
		}
		try {
			return inForce.casesJson() != null
					&& Objects.equals(JSON.readTree(cases.json()), JSON.readTree(inForce.casesJson()));
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Who deployed: Camunda CE's Deployment has no user, so the user operation log's
	 * "Create Deployment" entry (written for authenticated callers, history level full).
	 * None: the application deployed it itself.
	 */
	String deployer(String deploymentId) {
		return this.history.createUserOperationLogQuery()
			.deploymentId(deploymentId)
			.entityType(EntityTypes.DEPLOYMENT)
			.operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
			.list()
			.stream()
			.map(UserOperationLogEntry::getUserId)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(RELEASE);
	}

	/**
	 * An approved version whose deployment was deleted is out of force; the previous
	 * approved one applies again.
	 */
	private void withdrawDeleted() {
		List<DecisionApproval> approved = this.approvals.approved();
		if (approved.isEmpty()) {
			return;
		}
		Set<String> existing = this.repository.createDecisionDefinitionQuery()
			.decisionDefinitionIdIn(approved.stream().map(DecisionApproval::definitionId).toArray(String[]::new))
			.list()
			.stream()
			.map(DecisionDefinition::getId)
			.collect(Collectors.toSet());
		approved.stream().filter((approval) -> !existing.contains(approval.definitionId())).forEach((approval) -> {
			log.warn("R-GRD-DMN: deployment {} of {} v{} was deleted; the version is withdrawn",
					approval.deploymentId(), approval.decisionKey(), approval.version());
			this.approvals.withdraw(approval.id(), "部署已删除，版本撤出使用");
		});
	}

}
