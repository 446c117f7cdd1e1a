package cn.certflow.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.document.DocumentType;
import cn.certflow.document.Documents;
import cn.certflow.grading.Scheme;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.InvalidInputException.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Apply in the portal (issue 18 point 1): every field of the application (PCEC 6.2, ZHHT
 * 5.1) and a file for each document the applicant submits; the credit code is the
 * signed-in account's. Submitting starts {@code initial-certification} and stores the
 * files ({@link ClientApplying}), then shows the application. Bad input: the form again
 * (400), every message naming its field in Chinese, the values kept, nothing written.
 */
@Controller
class PortalApplyController {

	/** The form's text fields, in the order of the form. */
	static final List<String> TEXT_FIELDS = List.of("clientName", "clientAddress", "legalStatus", "schemeId",
			"requestedStars", "technicalArea", "categories", "sites", "headcount", "contactEmail");

	private final ClientApplying applying;

	private final SchemeCatalog schemes;

	private final Documents documents;

	PortalApplyController(ClientApplying applying, SchemeCatalog schemes, Documents documents) {
		this.applying = applying;
		this.schemes = schemes;
		this.documents = documents;
	}

	@GetMapping("/portal/apply")
	String form(HttpServletRequest request, Model model) {
		ClientAccount account = PortalAccess.account(request);
		Map<String, String> form = new LinkedHashMap<>();
		TEXT_FIELDS.forEach(f -> form.put(f, ""));
		form.put("clientName", account.clientName());
		form.put("contactEmail", (account.email() != null) ? account.email() : "");
		return page(model, account, form, List.of());
	}

	@PostMapping("/portal/apply")
	String apply(HttpServletRequest request, HttpServletResponse response, Model model) {
		ClientAccount account = PortalAccess.account(request);
		Map<String, String> form = new LinkedHashMap<>();
		TEXT_FIELDS.forEach(f -> form.put(f, text(request.getParameter(f))));
		List<FieldProblem> problems = new ArrayList<>();
		Integer stars = integer("requestedStars", form.get("requestedStars"), problems);
		Integer headcount = integer("headcount", form.get("headcount"), problems);
		List<ClientApplying.ApplicationFile> files = files(request);
		ApplicationRequest application = new ApplicationRequest(blankAsNull(form.get("clientName")),
				blankAsNull(form.get("clientAddress")), account.creditCode(), blankAsNull(form.get("legalStatus")),
				blankAsNull(form.get("schemeId")), stars, blankAsNull(form.get("technicalArea")),
				lines(form.get("categories"), true), lines(form.get("sites"), false), headcount,
				files.stream().map(f -> f.type().name()).toList(), blankAsNull(form.get("contactEmail")));
		try {
			this.applying.check(account, application, files, problems);
			String number = this.applying.apply(account, application, files);
			return "redirect:/portal/applications/" + number;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, account, form, messages(ex));
		}
	}

	private String page(Model model, ClientAccount account, Map<String, String> form, List<String> errors) {
		model.addAttribute("account", account);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("maxMegabytes", this.documents.maxSize().toMegabytes());
		model.addAttribute("schemes", this.schemes.all().stream().map(Scheme::id).sorted().toList());
		model.addAttribute("documentTypes",
				Arrays.stream(DocumentType.values())
					.filter(DocumentType::fromApplicant)
					.map(this::fileChoice)
					.toList());
		return "portal/apply";
	}

	private FileChoice fileChoice(DocumentType type) {
		List<String> mandatoryFor = this.schemes.all()
			.stream()
			.map(Scheme::id)
			.filter(type::mandatoryFor)
			.sorted()
			.toList();
		return new FileChoice(ClientApplying.fileField(type), type.title(),
				mandatoryFor.isEmpty() ? "如有请提交" : String.join("、", mandatoryFor) + " 必须提交");
	}

	/**
	 * A file input of the form: its field, the document's title, whether it is needed.
	 */
	record FileChoice(String field, String title, String needed) {
	}

	/** The chosen files, one per document type (an input left empty is no file). */
	private static List<ClientApplying.ApplicationFile> files(HttpServletRequest request) {
		List<ClientApplying.ApplicationFile> files = new ArrayList<>();
		if (!(request instanceof MultipartHttpServletRequest multipart)) {
			return files;
		}
		for (DocumentType type : DocumentType.values()) {
			MultipartFile file = type.fromApplicant() ? multipart.getFile(ClientApplying.fileField(type)) : null;
			if (file != null && (file.getSize() > 0
					|| (file.getOriginalFilename() != null && !file.getOriginalFilename().isEmpty()))) {
				try {
					files.add(new ClientApplying.ApplicationFile(ClientApplying.fileField(type), type,
							file.getOriginalFilename(), file.getContentType(), file.getBytes()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		return files;
	}

	private static Integer integer(String field, String value, List<FieldProblem> problems) {
		if (value.isEmpty()) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, "请填写整数（“" + shortened(value) + "”不是整数）"));
			return null;
		}
	}

	/** One entry a line (categories also split at commas); blank lines dropped. */
	private static List<String> lines(String value, boolean commas) {
		return Arrays.stream(value.split(commas ? "[\\r\\n,，、]+" : "\\r?\\n"))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.toList();
	}

	private static List<String> messages(InvalidInputException ex) {
		return ex.problems().stream().map(p -> label(p.field()) + "：" + p.message()).toList();
	}

	/** The Chinese name of a field; a document's file by its title. */
	static String label(String field) {
		if (field.startsWith("file_")) {
			String type = field.substring("file_".length());
			return Arrays.stream(DocumentType.values())
				.filter(t -> t.name().equals(type))
				.findFirst()
				.map(t -> "文件“" + t.title() + "”（" + field + "）")
				.orElse(field);
		}
		return PortalForms.label(field);
	}

	private static String text(String value) {
		return (value != null) ? value.strip() : "";
	}

	private static String blankAsNull(String value) {
		return value.isEmpty() ? null : value;
	}

	private static String shortened(String value) {
		return (value.length() > 20) ? value.substring(0, 20) + "…" : value;
	}

}
