package cn.certflow.audit;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.certflow.document.DocumentOwner;
import cn.certflow.document.DocumentOwnerRules;
import cn.certflow.document.DocumentType;
import cn.certflow.security.ApiAccess;
import cn.certflow.security.Groups;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The documents of a nonconformity's correction and corrective action (issue 18, R-AUD-3,
 * PCEC 8.2.4; key = the nonconformity's id): its evidence, which it must have before it
 * is verified as closed, and others; taken until the nonconformity is closed. Seen by
 * whoever may see the application the audit belongs to (its audit team included); added
 * by the audit team, reviewers and administrators.
 */
@Component
class CorrectiveActionDocuments implements DocumentOwnerRules {

	/** A nonconformity and the application its audit belongs to. */
	record Nonconformity(long id, long auditId, String applicationNumber, boolean closed) {
	}

	/** A nonconformity of an audit, as its form lists it. */
	record Raised(long id, String description) {
	}

	private static final Set<DocumentType> ALLOWED = EnumSet.of(DocumentType.CORRECTIVE_ACTION_EVIDENCE,
			DocumentType.OTHER);

	private final AuditRepository audits;

	private final ApiAccess access;

	private final RuntimeService runtime;

	CorrectiveActionDocuments(AuditRepository audits, ApiAccess access, RuntimeService runtime) {
		this.audits = audits;
		this.access = access;
		this.runtime = runtime;
	}

	@Override
	public DocumentOwner.Kind kind() {
		return DocumentOwner.Kind.CORRECTIVE_ACTION;
	}

	@Override
	public boolean exists(String id) {
		return nonconformity(id).isPresent();
	}

	@Override
	public Set<DocumentType> allowed(String id) {
		return ALLOWED;
	}

	@Override
	public Optional<String> closedForUploads(String id) {
		return nonconformity(id).filter(Nonconformity::closed).map((n) -> "不符合项 " + id + " 已关闭，不再接收文件");
	}

	@Override
	public Set<DocumentType> mandatory(String id) {
		return Set.of(DocumentType.CORRECTIVE_ACTION_EVIDENCE);
	}

	/**
	 * The correction verification of the audit's processes (business key of the process
	 * that planned the audit: its on-site audit shares it): every nonconformity of the
	 * audit, each under its description.
	 */
	@Override
	public Optional<FormListing> formListing(String id) {
		return nonconformity(id).flatMap(
				(n) -> this.audits.processInstanceId(n.auditId())
					.map((pid) -> this.runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult())
					.map(ProcessInstance::getBusinessKey)
					.map((key) -> new FormListing(key, this.audits.nonconformitiesOfAudit(n.auditId())
						.stream()
						.map((o) -> new Listed(String.valueOf(o.id()), "不符合项 " + o.id() + "：" + o.description()))
						.toList())));
	}

	@Override
	public String requireStaffReader(String id) {
		return this.access.requireApplication(applicationOf(id));
	}

	@Override
	public String requireStaffUploader(String id) {
		this.access.requireApplication(applicationOf(id));
		return this.access.requireAnyGroup(Groups.LEAD_AUDITORS, Groups.AUDITORS, Groups.REVIEWERS, Groups.ADMINS);
	}

	private String applicationOf(String id) {
		return nonconformity(id).map(Nonconformity::applicationNumber).orElse("");
	}

	private Optional<Nonconformity> nonconformity(String id) {
		try {
			return this.audits.nonconformity(Long.parseLong(id));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
