package cn.certflow.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.certflow.document.DocumentInfo;
import cn.certflow.document.DocumentOwner;
import cn.certflow.document.DocumentType;
import cn.certflow.document.Documents;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.InvalidInputException.FieldProblem;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * The client's answer to the nonconformities of its audit (issue 18 point 3, R-AUD-3,
 * PCEC 8.2.4): for each open nonconformity its correction and corrective action, in
 * words, and at least one evidence document
 * ({@link DocumentType#CORRECTIVE_ACTION_EVIDENCE}, owner
 * {@link DocumentOwner.Kind#CORRECTIVE_ACTION} keyed by the nonconformity's id). The
 * client gives it in the portal, completing the engine task
 * {@link OnsiteAudit.Elements#SUBMIT_CORRECTIVE_ACTIONS}; the lead auditor reads it in
 * the verification that follows.
 */
@Service
public class ClientCorrectiveActions {

	/** The length of nonconformity.corrective_action. */
	public static final int ACTION_LENGTH = 2000;

	/** A nonconformity still open, with the client's answer so far (or null). */
	public record OpenNonconformity(long id, String description, OffsetDateTime due, String correctiveAction) {

		public DocumentOwner owner() {
			return new DocumentOwner(DocumentOwner.Kind.CORRECTIVE_ACTION, String.valueOf(this.id));
		}

	}

	private final AuditRepository audits;

	private final AuditService auditService;

	private final Documents documents;

	private final RuntimeService runtime;

	ClientCorrectiveActions(AuditRepository audits, AuditService auditService, Documents documents,
			RuntimeService runtime) {
		this.runtime = runtime;
		this.audits = audits;
		this.auditService = auditService;
		this.documents = documents;
	}

	/**
	 * The audit a process's step is about, from our records (as
	 * {@link AuditService#currentAudit}): the latest planned in the process, or in the
	 * process that called it; never from a process variable.
	 */
	public long auditOfProcess(String processInstanceId) {
		return this.audits.latestOfProcess(processInstanceId)
			.or(() -> Optional.ofNullable(
					this.runtime.createProcessInstanceQuery().subProcessInstanceId(processInstanceId).singleResult())
				.flatMap((caller) -> this.audits.latestOfProcess(caller.getId())))
			.map(AuditRecord::id)
			.orElseThrow(() -> new IllegalStateException("No audit is planned in process " + processInstanceId));
	}

	/** The audit's open nonconformities, in the order raised. */
	public List<OpenNonconformity> open(long auditId) {
		return this.audits.openNonconformitiesOfAudit(auditId);
	}

	/** The documents the client sent for a nonconformity, oldest first. */
	public List<DocumentInfo> documents(OpenNonconformity nonconformity) {
		return this.documents.list(nonconformity.owner());
	}

	/**
	 * The application whose audit raised the nonconformity (the key of a corrective
	 * action's documents); empty for an id that is none.
	 */
	public Optional<String> applicationOf(String nonconformityId) {
		try {
			return this.audits.nonconformity(Long.parseLong(nonconformityId))
				.map(CorrectiveActionDocuments.Nonconformity::applicationNumber);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Records the client's answers, one per open nonconformity in the order of
	 * {@link #open} ({@code correctiveActions[i]}); refuses, writing nothing, if any has
	 * no text, too long a text or no evidence ({@code evidence[i]}), naming each.
	 */
	public void answer(long auditId, List<String> actions, String by) {
		List<OpenNonconformity> open = open(auditId);
		List<FieldProblem> problems = problems(open, actions);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		for (int i = 0; i < open.size(); i++) {
			this.audits.answerNonconformity(open.get(i).id(), actions.get(i).strip(), by);
		}
		this.auditService.recordEvent(auditId, "CORRECTIVE_ACTIONS_SUBMITTED",
				open.size() + " nonconformities answered by the client", by);
	}

	/**
	 * What the verification shows of the client's answers (Markdown), after checking in
	 * the engine that every open nonconformity has its answer and evidence.
	 */
	String requireAnswered(long auditId) {
		List<OpenNonconformity> open = open(auditId);
		List<String> recorded = open.stream().map(OpenNonconformity::correctiveAction).toList();
		List<FieldProblem> problems = problems(open, recorded);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		StringBuilder text = new StringBuilder();
		for (OpenNonconformity n : open) {
			text.append("**不符合项 ")
				.append(n.id())
				.append("：")
				.append(n.description())
				.append("**\n\n")
				.append(n.correctiveAction())
				.append("\n\n");
		}
		String markdown = text.toString().strip();
		return (markdown.length() > 3900) ? markdown.substring(0, 3900) + "…（全文见员工页面）" : markdown;
	}

	private List<FieldProblem> problems(List<OpenNonconformity> open, List<String> actions) {
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < open.size(); i++) {
			OpenNonconformity n = open.get(i);
			String action = (i < actions.size() && actions.get(i) != null) ? actions.get(i).strip() : "";
			if (action.isEmpty()) {
				problems.add(new FieldProblem("correctiveActions[" + i + "]", "请填写不符合项 " + n.id() + " 的纠正和纠正措施（整改措施）"));
			}
			else if (action.length() > ACTION_LENGTH) {
				problems.add(new FieldProblem("correctiveActions[" + i + "]",
						"不符合项 " + n.id() + " 的整改措施不能超过 " + ACTION_LENGTH + " 个字"));
			}
			if (!this.documents.uploadedTypes(n.owner()).contains(DocumentType.CORRECTIVE_ACTION_EVIDENCE)) {
				problems.add(new FieldProblem("evidence[" + i + "]",
						"请为不符合项 " + n.id() + " 上传整改证据（" + DocumentType.CORRECTIVE_ACTION_EVIDENCE.title() + "）"));
			}
		}
		return problems;
	}

}
