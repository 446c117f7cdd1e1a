package cn.certflow.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.ApplicationService;
import cn.certflow.document.DocumentInfo;
import cn.certflow.document.DocumentOwner;
import cn.certflow.document.DocumentType;
import cn.certflow.document.Documents;
import cn.certflow.system.AsEngine;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.InvalidInputException.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client applies and adds documents itself (issue 18, portal and client API): the
 * application is its own client's (the credit code is the signed-in account's, never
 * typed), starts {@code initial-certification} through
 * {@link ApplicationService#submit(ApplicationRequest)} with the same checks as the staff
 * API and Tasklist's start form, and its files go to the new application in the same
 * transaction: one bad file and neither the application nor the process exists. The
 * caller's own Camunda authorizations are not used (a client has none to start
 * processes); the application's registration and the files name the account's user id as
 * who submitted and uploaded them.
 */
@Service
public class ClientApplying {

	/** One file of an application, under the field that carried it. */
	public record ApplicationFile(String field, DocumentType type, String fileName, String contentType,
			byte[] content) {
	}

	/**
	 * What the reviewer looks up and keeps (R-CRED-1, PCEC 7.1): never from the client,
	 * or a client could stand in for the credit check.
	 */
	static final Set<DocumentType> KEPT_BY_THE_BODY = Set.of(DocumentType.CREDIT_CHECK_SCREENSHOT,
			DocumentType.PENALTY_CLEARANCE_PROOF);

	private final ApplicationService applications;

	private final Documents documents;

	private final ClientRecords records;

	private final AsEngine asEngine;

	ClientApplying(ApplicationService applications, Documents documents, ClientRecords records, AsEngine asEngine) {
		this.applications = applications;
		this.documents = documents;
		this.records = records;
		this.asEngine = asEngine;
	}

	/** The request as the client sent it, under the account's credit code. */
	public static ApplicationRequest ofClient(ClientAccount client, ApplicationRequest request) {
		return new ApplicationRequest(request.clientName(), request.clientAddress(), client.creditCode(),
				request.legalStatus(), request.schemeId(), request.requestedStars(), request.technicalArea(),
				request.categories(), request.sites(), request.headcount(), request.documents(),
				request.contactEmail());
	}

	/**
	 * Checks the application and, where it comes with its files (the portal's form), that
	 * every mandatory document of the scheme has one: every problem named by its field (a
	 * missing file by {@link #fileField}), nothing started. The problems the form found
	 * itself (a number that is not one) come first and are not repeated.
	 */
	public void check(ClientAccount client, ApplicationRequest request, List<ApplicationFile> files,
			List<FieldProblem> formProblems) {
		List<FieldProblem> problems = new ArrayList<>(formProblems);
		try {
			this.applications.validate(ofClient(client, request));
		}
		catch (InvalidInputException ex) {
			ex.problems()
				.stream()
				.filter(p -> files == null || !p.field().startsWith("documents"))
				.filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field())))
				.forEach(problems::add);
		}
		if (files != null && request.schemeId() != null) {
			for (DocumentType type : DocumentType.values()) {
				if (type.fromApplicant() && type.mandatoryFor(request.schemeId())
						&& files.stream().noneMatch(f -> f.type() == type)) {
					problems.add(new FieldProblem(fileField(type),
							"请上传“" + type.title() + "”（" + request.schemeId() + " 申请必须提交）"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	/** The form field of a document type's file. */
	public static String fileField(DocumentType type) {
		return "file_" + type.name();
	}

	/**
	 * Submits the application and stores its files, all or nothing; the application's
	 * number.
	 */
	@Transactional
	public String apply(ClientAccount client, ApplicationRequest request, List<ApplicationFile> files) {
		return this.asEngine.callFor(client.userId(), () -> {
			String number = this.applications.submit(ofClient(client, request));
			for (ApplicationFile file : files) {
				try {
					this.documents.upload(DocumentOwner.application(number), file.type(), file.fileName(),
							file.contentType(), file.content(), client.userId());
				}
				catch (InvalidInputException ex) {
					throw new InvalidInputException(
							ex.problems().stream().map(p -> new FieldProblem(file.field(), p.message())).toList());
				}
			}
			return number;
		});
	}

	/**
	 * The owner if it is the client's; 404 exactly as for an owner that does not exist.
	 */
	public DocumentOwner requireOwn(ClientAccount client, DocumentOwner owner) {
		return this.records.owner(client, owner);
	}

	/**
	 * A document for one of the client's own owners (application, certificate…): another
	 * client's owner answers 404 exactly as one that does not exist; bad input 400 naming
	 * {@code type} or {@code file}, nothing stored.
	 */
	@Transactional
	public DocumentInfo upload(ClientAccount client, DocumentOwner owner, String type, String fileName,
			String contentType, byte[] content) {
		DocumentOwner own = this.records.owner(client, owner);
		DocumentType parsed = DocumentType.parse("type", type);
		if (KEPT_BY_THE_BODY.contains(parsed)) {
			throw new InvalidInputException("type", "“" + parsed.title() + "”由认证机构查询和留存，客户不能上传（type " + parsed.name()
					+ " is kept by the certification body）");
		}
		return this.asEngine
			.call(() -> this.documents.upload(own, parsed, fileName, contentType, content, client.userId()));
	}

}
