package cn.certflow.document;

import java.util.List;
import java.util.Map;

import cn.certflow.document.DocumentOwnerRules.FormListing;
import cn.certflow.system.AsEngine;
import cn.certflow.system.EngineTime;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The documents a client sent, as the Tasklist forms that review them list them (issue 18
 * "Staff side", issue 19.2): a Markdown list of links, one per document, each opening the
 * file on the staff documents page in a new tab with the Tasklist login (no second login,
 * no JSON). Kept in a process variable of every running process of the owner's business
 * key ({@link DocumentOwnerRules#formListing}), one per kind of owner
 * ({@link #variable}), and written again with each upload, in the upload's transaction,
 * so that a form opened after an upload lists it. A form shows it with the text
 * {@code {{applicationDocuments}}}.
 */
@Component
class DocumentLinks {

	/** The variable of each kind of owner, as the forms name it. */
	static final Map<DocumentOwner.Kind, String> VARIABLES = Map.of(DocumentOwner.Kind.APPLICATION,
			"applicationDocuments", DocumentOwner.Kind.CERTIFICATE, "certificateDocuments", DocumentOwner.Kind.REQUEST,
			"requestDocuments", DocumentOwner.Kind.CORRECTIVE_ACTION, "correctiveActionDocuments",
			DocumentOwner.Kind.CASE, "caseDocuments");

	private final DocumentRepository documents;

	private final RuntimeService runtime;

	private final AsEngine asEngine;

	DocumentLinks(DocumentRepository documents, RuntimeService runtime, AsEngine asEngine) {
		this.documents = documents;
		this.runtime = runtime;
		this.asEngine = asEngine;
	}

	/** The variable that lists documents of this kind of owner. */
	static String variable(DocumentOwner.Kind kind) {
		return VARIABLES.get(kind);
	}

	/**
	 * Writes the list of the owner's documents (with the owners listed beside it) into
	 * the running processes whose forms show it. The caller has checked who uploads; the
	 * engine writes the variable on the application's behalf.
	 */
	void refresh(DocumentOwner owner, DocumentOwnerRules rules) {
		this.asEngine.run(() -> rules.formListing(owner.key()).ifPresent((listing) -> write(owner.kind(), listing)));
	}

	private void write(DocumentOwner.Kind kind, FormListing listing) {
		String markdown = markdown(kind, listing);
		this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(listing.businessKey())
			.active()
			.list()
			.forEach((instance) -> this.runtime.setVariable(instance.getId(), variable(kind), markdown));
	}

	/**
	 * One line per document: its type and name as a link, when and by whom uploaded. A
	 * String variable holds at most {@value #MAX_LENGTH} characters: documents beyond
	 * that are counted and the owner's page linked instead.
	 */
	String markdown(DocumentOwner.Kind kind, FormListing listing) {
		StringBuilder text = new StringBuilder();
		for (DocumentOwnerRules.Listed listed : listing.owners()) {
			DocumentOwner owner = new DocumentOwner(kind, listed.key());
			List<DocumentInfo> list = this.documents.list(owner);
			if (listed.heading() != null) {
				text.append("\n**").append(escape(shortened(listed.heading()))).append("**\n\n");
			}
			if (list.isEmpty()) {
				text.append("- （尚未上传文件）\n");
			}
			for (int i = 0; i < list.size(); i++) {
				String line = line(owner, list.get(i));
				if (text.length() + line.length() > MAX_LENGTH - 300) {
					text.append("- [另有 ")
						.append(list.size() - i)
						.append(" 个文件，在员工页面查看](")
						.append(owner.staffPath())
						.append(")\n");
					break;
				}
				text.append(line);
			}
		}
		return text.toString().strip();
	}

	/** Longest text a String variable holds (ACT_RU_VARIABLE.TEXT_). */
	static final int MAX_LENGTH = 4000;

	private static String line(DocumentOwner owner, DocumentInfo document) {
		return "- [" + escape(document.type().title()) + "：" + escape(shortened(document.fileName())) + "]("
				+ owner.staffPath(document.id()) + ")（"
				+ document.uploadedAt().atZoneSameInstant(EngineTime.ZONE).toLocalDate() + "，"
				+ escape(shortened(document.uploadedBy())) + " 上传）\n";
	}

	private static String shortened(String text) {
		return (text.length() > 60) ? text.substring(0, 28) + "…" + text.substring(text.length() - 28) : text;
	}

	/** Markdown's own characters in a name shown as they are. */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder();
		for (char c : text.toCharArray()) {
			if ("\\`*_{}[]()<>#+-!|~".indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append(c < ' ' ? ' ' : c);
		}
		return escaped.toString();
	}

}
