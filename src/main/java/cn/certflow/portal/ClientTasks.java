package cn.certflow.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.certflow.application.ApplicationVariables;
import cn.certflow.application.InitialCertification;
import cn.certflow.audit.ClientCorrectiveActions;
import cn.certflow.audit.ClientCorrectiveActions.OpenNonconformity;
import cn.certflow.audit.OnsiteAudit;
import cn.certflow.document.DocumentInfo;
import cn.certflow.document.DocumentOwner;
import cn.certflow.document.DocumentType;
import cn.certflow.document.Documents;
import cn.certflow.security.Groups;
import cn.certflow.system.EngineTime;
import cn.certflow.system.FormInput;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.InvalidInputException.FieldProblem;
import cn.certflow.system.NotFoundException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the certification body waits for from the signed-in client (issue 18 point 3): the
 * open engine tasks of candidate group {@code clients} whose process carries the client's
 * credit code ({@link ApplicationVariables#CREDIT_CODE}), and their completion as the
 * client. Another client's task is answered exactly like one that does not exist (404,
 * field {@code taskId}).
 */
@Service
public class ClientTasks {

	/** An open client task as the portal lists it. */
	public record ClientTask(String id, String name, String kind, String processInstanceId, Date due, boolean overdue) {

		/** The due day in the CB's time zone, or an empty text. */
		public String dueDay() {
			return (this.due != null) ? this.due.toInstant().atZone(EngineTime.ZONE).toLocalDate().toString() : "";
		}

		public boolean correctiveActions() {
			return OnsiteAudit.Elements.SUBMIT_CORRECTIVE_ACTIONS.equals(this.kind);
		}

		public boolean documentCorrections() {
			return InitialCertification.Elements.SUBMIT_CORRECTIONS.equals(this.kind);
		}

	}

	/**
	 * What a document-corrections task shows: the application, the reviewers' findings,
	 * its documents so far and the types the client may upload.
	 */
	public record Corrections(String applicationNumber, String findings, List<DocumentInfo> documents,
			List<DocumentType> types) {
	}

	/** A nonconformity to answer, with its place in the form and its documents. */
	public record ToAnswer(int index, OpenNonconformity nonconformity, List<DocumentInfo> documents) {
	}

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final ClientCorrectiveActions correctiveActions;

	private final Documents documents;

	ClientTasks(TaskService tasks, RuntimeService runtime, IdentityService identity,
			ClientCorrectiveActions correctiveActions, Documents documents) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.identity = identity;
		this.correctiveActions = correctiveActions;
		this.documents = documents;
	}

	/** The client's open tasks, soonest due first. */
	public List<ClientTask> open(ClientAccount client) {
		Date now = EngineTime.nowDate();
		return this.tasks.createTaskQuery()
			.taskCandidateGroup(Groups.CLIENTS)
			.processVariableValueEquals(ApplicationVariables.CREDIT_CODE.getName(), client.creditCode())
			.active()
			.orderByDueDate()
			.asc()
			.list()
			.stream()
			.map((t) -> new ClientTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getProcessInstanceId(),
					t.getDueDate(), t.getDueDate() != null && t.getDueDate().before(now)))
			.toList();
	}

	/** The client's open task; 404 (field {@code taskId}) otherwise. */
	public ClientTask task(ClientAccount client, String taskId) {
		return open(client).stream()
			.filter((t) -> t.id().equals(taskId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("taskId", "没有编号为 " + taskId + " 的待办事项"));
	}

	/** The nonconformities a corrective-action task asks the client to answer. */
	public List<ToAnswer> toAnswer(ClientTask task) {
		List<OpenNonconformity> open = this.correctiveActions.open(auditId(task));
		return java.util.stream.IntStream.range(0, open.size())
			.mapToObj((i) -> new ToAnswer(i, open.get(i), this.correctiveActions.documents(open.get(i))))
			.toList();
	}

	/** The findings and documents of a document-corrections task. */
	public Corrections corrections(ClientTask task) {
		DocumentOwner owner = applicationOf(task);
		return new Corrections(owner.key(),
				InitialCertification.DOCUMENT_FINDINGS.from(this.runtime, task.processInstanceId()).getOrNull(),
				this.documents.list(owner), this.documents.allowedTypes(owner));
	}

	/**
	 * The client's corrected documents (issue 18.3, R-DOC-1): the files sent with them
	 * ({@code files[i]} of type {@code types[i]}) are stored with the application and the
	 * task completed as the client with its note ({@code correctionsNote}, required), in
	 * one transaction; a refusal changes nothing. The reviewers' document review follows.
	 */
	@Transactional
	public void submitDocumentCorrections(ClientAccount client, String taskId, String note,
			List<Documents.Upload> uploads) {
		ClientTask task = task(client, taskId);
		if (!task.documentCorrections()) {
			throw new NotFoundException("taskId", "没有编号为 " + taskId + " 的待办事项");
		}
		String text = (note != null) ? note.strip() : "";
		if (text.isEmpty()) {
			throw new InvalidInputException(InitialCertification.CORRECTIONS_NOTE.getName(),
					"请填写整改说明：修改或补充了哪些文件、如何回应各项评审发现");
		}
		if (text.length() > FormInput.MAX_TEXT) {
			throw new InvalidInputException(InitialCertification.CORRECTIONS_NOTE.getName(),
					"整改说明不能超过 " + FormInput.MAX_TEXT + " 个字");
		}
		if (!uploads.isEmpty()) {
			this.documents.uploadAll(applicationOf(task), uploads, client.userId());
		}
		completeAs(client, taskId, Map.of(InitialCertification.CORRECTIONS_NOTE.getName(), text));
	}

	private DocumentOwner applicationOf(ClientTask task) {
		return DocumentOwner.application(this.runtime.createProcessInstanceQuery()
			.processInstanceId(task.processInstanceId())
			.singleResult()
			.getBusinessKey());
	}

	/**
	 * The client's corrective actions (issue 18.3, R-AUD-3): the evidence files sent with
	 * them ({@code evidence[i]}) are stored, the texts ({@code correctiveActions[i]})
	 * recorded and the engine task completed as the client, all in one transaction; a
	 * refusal (no text, no evidence, a bad file) changes nothing.
	 */
	@Transactional
	public void submitCorrectiveActions(ClientAccount client, String taskId, List<String> actions,
			Map<Integer, List<MultipartFile>> evidence) {
		ClientTask task = task(client, taskId);
		if (!task.correctiveActions()) {
			throw new NotFoundException("taskId", "没有编号为 " + taskId + " 的待办事项");
		}
		long auditId = auditId(task);
		List<OpenNonconformity> open = this.correctiveActions.open(auditId);
		for (int i = 0; i < open.size(); i++) {
			for (MultipartFile file : evidence.getOrDefault(i, List.of())) {
				if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
					continue;
				}
				store(open.get(i), i, file, client);
			}
		}
		this.correctiveActions.answer(auditId, actions, client.userId());
		completeAs(client, taskId, Map.of());
	}

	private void store(OpenNonconformity nonconformity, int index, MultipartFile file, ClientAccount client) {
		try {
			this.documents.upload(nonconformity.owner(), DocumentType.CORRECTIVE_ACTION_EVIDENCE,
					file.getOriginalFilename(), file.getContentType(), file.getBytes(), client.userId());
		}
		catch (InvalidInputException ex) {
			throw new InvalidInputException(ex.problems()
				.stream()
				.map((p) -> new FieldProblem("evidence[" + index + "]",
						"不符合项 " + nonconformity.id() + " 的证据文件：" + p.message()))
				.toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Completes the task authenticated as the client (its groups), then as before. */
	private void completeAs(ClientAccount client, String taskId, Map<String, Object> form) {
		Authentication previous = this.identity.getCurrentAuthentication();
		// a client account is in the group clients (PortalSession reads it so), the
		// candidate group of every client task
		List<String> groups = Stream
			.concat(Stream.of(Groups.CLIENTS),
					this.identity.createGroupQuery().groupMember(client.userId()).list().stream().map(Group::getId))
			.distinct()
			.toList();
		this.identity.setAuthentication(client.userId(), groups);
		try {
			this.tasks.complete(taskId, form);
		}
		finally {
			if (previous != null) {
				this.identity.setAuthentication(previous);
			}
			else {
				this.identity.clearAuthentication();
			}
		}
	}

	private long auditId(ClientTask task) {
		return this.correctiveActions.auditOfProcess(task.processInstanceId());
	}

}
