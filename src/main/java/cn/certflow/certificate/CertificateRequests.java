package cn.certflow.certificate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cn.certflow.certificate.CertificateLifecycle.ChangeKind;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.rules.SurveillanceEventKind;
import cn.certflow.system.AsEngine;
import cn.certflow.system.ConflictException;
import cn.certflow.system.EngineTime;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.InvalidInputException.FieldProblem;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests about a certificate, each sent to its lifecycle as a message (see
 * {@link CertificateLifecycle.Message}): validated (400 naming the field), checked
 * against the certificate's state (409 with the reason), recorded, and correlated in one
 * transaction — so a refused request changes nothing.
 */
@Service
public class CertificateRequests {

	static final int MAX_TEXT = 2000;

	private final CertificateService certificates;

	private final CertificateRequestRepository requests;

	private final SchemeCatalog schemes;

	private final RuntimeService runtime;

	private final AsEngine asEngine;

	private final CertificateRepository certificateRecords;

	private final CertificateNotices notices;

	CertificateRequests(CertificateService certificates, CertificateRequestRepository requests, SchemeCatalog schemes,
			RuntimeService runtime, AsEngine asEngine, CertificateRepository certificateRecords,
			CertificateNotices notices) {
		this.notices = notices;
		this.certificateRecords = certificateRecords;
		this.certificates = certificates;
		this.requests = requests;
		this.schemes = schemes;
		this.runtime = runtime;
		this.asEngine = asEngine;
	}

	/** Body of {@code POST /api/certificates/{number}/changes}. */
	public record ChangeBody(String kind, String description, String newHolderName, String newHolderAddress,
			String addedScope, Integer requestedStars, String newRuleDocument) {
	}

	/**
	 * Body of the suspension, withdrawal and cancellation requests; {@code requestedBy}
	 * CB or CLIENT.
	 */
	public record ReasonBody(String reason, String requestedBy) {
	}

	/**
	 * Body of {@code POST /api/certificates/{number}/events}: a
	 * {@link SurveillanceEventKind}, when, the evidence.
	 */
	public record EventBody(String kind, String occurredOn, String evidence) {
	}

	/**
	 * Body of {@code POST /api/certificates/transition}: every valid certificate of the
	 * scheme must move to the rule.
	 */
	public record TransitionBody(String schemeId, String ruleDocument, String deadline) {
	}

	@Transactional
	public long change(String number, ChangeBody body, String by) {
		List<FieldProblem> problems = new ArrayList<>();
		ChangeKind kind = enumValue(ChangeKind.class, body.kind(), "kind", problems);
		Certificate certificate = this.certificates.get(number);
		reject(problems);
		text(body.description(), "description", false, problems);
		if (kind == ChangeKind.NAME) {
			text(body.newHolderName(), "newHolderName", true, problems);
		}
		if (kind == ChangeKind.PREMISES) {
			text(body.newHolderAddress(), "newHolderAddress", true, problems);
		}
		if (kind == ChangeKind.EXTENSION) {
			text(body.addedScope(), "addedScope", true, problems);
		}
		if (kind == ChangeKind.TRANSITION) {
			text(body.newRuleDocument(), "newRuleDocument", true, problems);
		}
		if (kind == ChangeKind.SERVICE_PROCESS) {
			// PCEC 12.1(2): what changed in the main service process, at the same address
			text(body.description(), "description", true, problems);
		}
		if (kind == ChangeKind.UPGRADE) {
			int max = this.schemes.get(certificate.scheme())
				.labels()
				.keySet()
				.stream()
				.mapToInt(i -> i)
				.max()
				.orElse(0);
			if (body.requestedStars() == null || body.requestedStars() <= certificate.stars()
					|| body.requestedStars() > max) {
				problems.add(new FieldProblem("requestedStars",
						"申请等级须高于已认证的 " + certificate.stars() + " 星且不超过 " + max + " 星"));
			}
		}
		if (kind == ChangeKind.DOWNGRADE) {
			// PCEC 12.3: a lower grade the scheme awards (0 = 不合格 is no grade)
			int min = this.schemes.get(certificate.scheme())
				.labels()
				.keySet()
				.stream()
				.mapToInt(i -> i)
				.filter(i -> i > 0)
				.min()
				.orElse(certificate.stars());
			if (body.requestedStars() == null || body.requestedStars() >= certificate.stars()
					|| body.requestedStars() < min) {
				problems.add(new FieldProblem("requestedStars",
						"降级后的等级须低于已认证的 " + certificate.stars() + " 星且不低于 " + min + " 星"));
			}
		}
		reject(problems);
		requireActive(certificate, "提出" + kindWord(kind));
		if (certificate.status() == CertificateStatus.SUSPENDED) {
			throw new ConflictException("证书 " + number + " 已暂停（SUSPENDED）：须先恢复，才能提出" + kindWord(kind));
		}
		if (this.requests.openChanges(number) > 0) {
			throw new ConflictException("证书 " + number + " 已有一项变更申请正在办理，办结前不能再提出");
		}
		if (kind == ChangeKind.UPGRADE && this.certificates.upgradeAllowedFrom(number).isAfter(EngineTime.today())) {
			throw new ConflictException(
					"获证后须满等待期才能申请升级（R-UPG-1）：最早 " + this.certificates.upgradeAllowedFrom(number) + " 起");
		}
		int stars = (kind == ChangeKind.UPGRADE || kind == ChangeKind.DOWNGRADE) ? body.requestedStars()
				: certificate.stars();
		long id = this.requests.insert(new CertificateRequest(0, number, kind.name(), body.description(),
				body.newHolderName(), body.newHolderAddress(), body.addedScope(), stars, body.newRuleDocument(), null,
				null, by, null, null, null));
		correlate(number, CertificateLifecycle.Message.CHANGE_REQUESTED,
				Variables.createVariables()
					.putValue(CertificateLifecycle.REQUEST_ID.getName(), id)
					.putValue(CertificateLifecycle.CHANGE_KIND.getName(), kind.name())
					.putValue(CertificateLifecycle.CHANGE_DESCRIPTION.getName(), body.description())
					.putValue(CertificateLifecycle.NEW_HOLDER_NAME.getName(), body.newHolderName())
					.putValue(CertificateLifecycle.NEW_HOLDER_ADDRESS.getName(), body.newHolderAddress())
					.putValue(CertificateLifecycle.ADDED_SCOPE.getName(), body.addedScope())
					.putValue(CertificateLifecycle.REQUESTED_STARS.getName(), stars)
					.putValue(CertificateLifecycle.NEW_RULE_DOCUMENT.getName(), body.newRuleDocument())
					.putValue(CertificateLifecycle.CHANGE_REVIEW_OUTCOME.getName(), null)
					.putValue(CertificateLifecycle.ONSITE_AUDIT_NEEDED.getName(), false)
					.putValue(CertificateLifecycle.ACTOR.getName(), by));
		return id;
	}

	@Transactional
	public long suspend(String number, ReasonBody body, String by) {
		String reason = reasonOf(body);
		String requestedBy = (body.requestedBy() == null) ? "CB" : body.requestedBy();
		if (!List.of("CB", "CLIENT").contains(requestedBy)) {
			throw new InvalidInputException("requestedBy", "须为 CB（认证机构）或 CLIENT（获证组织）");
		}
		Certificate certificate = this.certificates.get(number);
		requireActive(certificate, "暂停");
		if (certificate.status() == CertificateStatus.SUSPENDED) {
			throw new ConflictException("证书 " + number + " 已处于暂停状态（SUSPENDED）");
		}
		long id = record(number, "SUSPENSION", reason, by);
		correlate(number, CertificateLifecycle.Message.SUSPENSION_REQUESTED,
				Variables.createVariables()
					.putValue(CertificateLifecycle.SUSPENSION_REASON.getName(), reason)
					.putValue(CertificateLifecycle.REQUESTED_BY.getName(), requestedBy)
					.putValue(CertificateLifecycle.ACTOR.getName(), by));
		return id;
	}

	@Transactional
	public long withdraw(String number, ReasonBody body, String by) {
		return end(number, body, by, "WITHDRAWAL", "撤销", CertificateLifecycle.Message.WITHDRAWAL_REQUESTED,
				CertificateLifecycle.WITHDRAWAL_REASON, "撤销: ");
	}

	@Transactional
	public long cancel(String number, ReasonBody body, String by) {
		return end(number, body, by, "CANCELLATION", "注销", CertificateLifecycle.Message.CANCELLATION_REQUESTED,
				CertificateLifecycle.CANCELLATION_REASON, "注销（获证组织申请）: ");
	}

	/**
	 * A request that ends the certificate (withdrawal, cancellation): recorded, then
	 * delivered with its reason.
	 */
	private long end(String number, ReasonBody body, String by, String kind, String what, String message,
			io.holunda.camunda.bpm.data.factory.VariableFactory<String> reasonVariable, String reasonPrefix) {
		String reason = reasonOf(body);
		requireActive(this.certificates.get(number), what);
		long id = record(number, kind, reason, by);
		correlate(number, message,
				Variables.createVariables()
					.putValue(reasonVariable.getName(), reasonPrefix + reason)
					.putValue(CertificateLifecycle.ACTOR.getName(), by));
		return id;
	}

	@Transactional
	public long reportEvent(String number, EventBody body, String by) {
		List<FieldProblem> problems = new ArrayList<>();
		SurveillanceEventKind kind = enumValue(SurveillanceEventKind.class, body.kind(), "kind", problems);
		LocalDate occurredOn = date(body.occurredOn(), "occurredOn", problems);
		if (occurredOn != null && occurredOn.isAfter(EngineTime.today())) {
			problems.add(new FieldProblem("occurredOn", "不能晚于今天"));
		}
		text(body.evidence(), "evidence", true, problems);
		reject(problems);
		requireActive(this.certificates.get(number), "报告事件");
		long id = this.requests.insert(new CertificateRequest(0, number, "EVENT", body.evidence(), null, null, null,
				null, null, kind.name(), occurredOn, by, null, null, null));
		correlate(number, CertificateLifecycle.Message.SURVEILLANCE_EVENT_REPORTED,
				Variables.createVariables()
					.putValue(CertificateLifecycle.REQUEST_ID.getName(), id)
					.putValue(CertificateLifecycle.EVENT_KIND.getName(), kind.name())
					.putValue(CertificateLifecycle.EVENT_DATE.getName(), EngineTime.toDate(occurredOn))
					.putValue(CertificateLifecycle.EVENT_EVIDENCE.getName(), body.evidence())
					.putValue(CertificateLifecycle.ACTOR.getName(), by));
		return id;
	}

	/**
	 * Sets a transition deadline on every valid or suspended certificate of the scheme;
	 * returns how many.
	 */
	@Transactional
	public int setTransitionDeadline(TransitionBody body, String by) {
		return setTransitionDeadline(body, by, this.certificateRecords.numbersOfScheme(body.schemeId()));
	}

	/**
	 * Sets a transition deadline on those of the given certificates that are valid or
	 * suspended; returns how many.
	 */
	@Transactional
	public int setTransitionDeadline(TransitionBody body, String by, List<String> numbers) {
		List<FieldProblem> problems = new ArrayList<>();
		if (body.schemeId() == null || this.schemes.all().stream().noneMatch(s -> s.id().equals(body.schemeId()))) {
			problems.add(new FieldProblem("schemeId", "没有这个认证方案"));
		}
		text(body.ruleDocument(), "ruleDocument", true, problems);
		LocalDate deadline = date(body.deadline(), "deadline", problems);
		if (deadline != null && !deadline.isAfter(EngineTime.today())) {
			problems.add(new FieldProblem("deadline", "须晚于今天"));
		}
		reject(problems);
		int count = 0;
		for (String number : numbers) {
			Certificate certificate = this.certificates.get(number);
			if (certificate.statusOn(EngineTime.today()).isFinal()
					|| body.ruleDocument().equals(certificate.ruleDocument())) {
				continue;
			}
			record(number, "TRANSITION_DEADLINE", body.ruleDocument() + " by " + deadline, by);
			this.notices.transitionDeadline(number, deadline, body.ruleDocument(), by);
			correlate(number, CertificateLifecycle.Message.TRANSITION_DEADLINE_SET,
					Variables.createVariables()
						.putValue(CertificateLifecycle.TRANSITION_DEADLINE.getName(), EngineTime.toDate(deadline))
						.putValue(CertificateLifecycle.TRANSITION_RULE_DOCUMENT.getName(), body.ruleDocument())
						.putValue(CertificateLifecycle.ACTOR.getName(), by));
			count++;
		}
		return count;
	}

	/** A request as recorded. */
	public CertificateRequest get(long id) {
		return this.requests.get(id);
	}

	/** Every request about the certificate, oldest first. */
	public List<CertificateRequest> of(String certificateNumber) {
		return this.requests.of(certificateNumber);
	}

	/**
	 * The change request (change, extension, upgrade, transition) of a certificate still
	 * open or accepted: at most one.
	 */
	public Optional<CertificateRequest> openChange(String certificateNumber) {
		return this.requests.openChange(certificateNumber);
	}

	/** Closes a request with its status (done, rejected…) and outcome. */
	public void close(long id, String status, String outcome, String by) {
		this.requests.close(id, status, outcome, by);
	}

	private long record(String number, String kind, String description, String by) {
		return this.requests.insert(new CertificateRequest(0, number, kind, description, null, null, null, null, null,
				null, null, by, null, null, null));
	}

	private void correlate(String number, String message, VariableMap variables) {
		try {
			this.asEngine.run(() -> this.runtime.createMessageCorrelation(message)
				.processInstanceBusinessKey(number)
				.setVariables(variables)
				.correlateWithResult());
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw new ConflictException("证书 " + number + " 当前所处的环节不能办理这项申请（" + message + "）");
		}
	}

	private void requireActive(Certificate certificate, String what) {
		CertificateStatus status = certificate.statusOn(EngineTime.today());
		if (status.isFinal()) {
			throw new ConflictException(
					"证书 " + certificate.number() + " 已" + statusWord(status) + "（" + status + "），不能再" + what);
		}
	}

	private static String kindWord(ChangeKind kind) {
		return switch (kind) {
			case NAME -> "名称变更申请";
			case PREMISES -> "经营场所变更申请";
			case SERVICE_PROCESS -> "主要服务流程变更申请";
			case EXTENSION -> "扩大认证范围申请";
			case UPGRADE -> "升级申请";
			case DOWNGRADE -> "降级申请";
			case TRANSITION -> "转换申请";
		};
	}

	private static String statusWord(CertificateStatus status) {
		return switch (status) {
			case WITHDRAWN -> "撤销";
			case CANCELLED -> "注销";
			case EXPIRED -> "过期";
			default -> status.name();
		};
	}

	private static String reasonOf(ReasonBody body) {
		List<FieldProblem> problems = new ArrayList<>();
		text((body == null) ? null : body.reason(), "reason", true, problems);
		reject(problems);
		return body.reason().trim();
	}

	private static void text(String value, String field, boolean required, List<FieldProblem> problems) {
		if (required && (value == null || value.isBlank())) {
			problems.add(new FieldProblem(field, "必填"));
		}
		else if (value != null && value.length() > MAX_TEXT) {
			problems.add(new FieldProblem(field, "最多 " + MAX_TEXT + " 个字符"));
		}
	}

	private static LocalDate date(String value, String field, List<FieldProblem> problems) {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException | NullPointerException ex) {
			problems.add(new FieldProblem(field, "须为日期（年-月-日，例如 2026-01-31）"));
			return null;
		}
	}

	private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field,
			List<FieldProblem> problems) {
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			problems.add(new FieldProblem(field, "须为以下之一：" + Arrays.toString(type.getEnumConstants())));
			return null;
		}
	}

	private static void reject(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

}
