package cn.certflow.portal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.ClientRecord;
import cn.certflow.application.DocumentType;
import cn.certflow.application.InitialCertification;
import cn.certflow.certificate.Certificate;
import cn.certflow.grading.Scheme;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.security.WebappSession;
import cn.certflow.system.ConflictException;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.InvalidInputException.FieldProblem;
import cn.certflow.system.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The client portal's pages (issue 18, Chinese, usable on a phone): the client's
 * applications with their documents and timeline, applying, certificates with their
 * revisions, PDF and verification link, and the notices inbox. Signed in with a client
 * account ({@link PortalSession}); a browser without one goes to the login page; a staff
 * login (webapp session or HTTP Basic) gets 403. Every record goes through
 * {@link ClientRecords}, so another client's number is 404 like one that does not exist.
 */
@Controller
@RequestMapping("/portal")
class PortalPages {

	/** Not signed in to the portal: to the login page. */
	static class SignInRequired extends RuntimeException {

		SignInRequired() {
			super("sign in required", null, false, false);
		}

	}

	/** Signed in as staff, not as a client. */
	static class StaffRefused extends RuntimeException {

		StaffRefused() {
			super("staff", null, false, false);
		}

	}

	private final PortalSession session;

	private final WebappSession staff;

	private final ClientRecords records;

	private final ClientAccounts accounts;

	private final SchemeCatalog schemes;

	private final ClientTasks tasks;

	PortalPages(PortalSession session, WebappSession staff, ClientRecords records, ClientAccounts accounts,
			SchemeCatalog schemes, ClientTasks tasks) {
		this.session = session;
		this.staff = staff;
		this.records = records;
		this.accounts = accounts;
		this.schemes = schemes;
		this.tasks = tasks;
	}

	private ClientAccount signedIn(HttpServletRequest request, Model model) {
		ClientAccount account = this.session.account(request).orElseGet(() -> {
			if (this.staff.user(request).isPresent()) {
				throw new StaffRefused();
			}
			throw new SignInRequired();
		});
		if (model != null) {
			model.addAttribute("account", account);
		}
		return account;
	}

	@GetMapping({ "", "/" })
	String home(HttpServletRequest request, Model model) {
		ClientAccount account = signedIn(request, model);
		model.addAttribute("applications",
				this.records.applications(account).stream().map(ClientViews.Application::of).toList());
		model.addAttribute("certificates",
				this.records.certificates(account)
					.stream()
					.map(c -> ClientViews.CertificateSummary.of(c, this.records.verificationUrl(c.number())))
					.toList());
		List<ClientRecords.Notice> notices = this.records.notices(account);
		model.addAttribute("notices", notices.subList(0, Math.min(3, notices.size())));
		model.addAttribute("tasks", this.tasks.open(account));
		return "portal/home";
	}

	@GetMapping("/tasks/{id}")
	String task(@PathVariable String id, HttpServletRequest request, Model model) {
		ClientAccount account = signedIn(request, model);
		ClientTasks.OpenTask task = this.tasks.task(account, id);
		model.addAttribute("task", task);
		model.addAttribute("nonconformities", this.records.nonconformities(account, task.applicationNumber()));
		model.addAttribute("findings", this.records.notices(account)
			.stream()
			.filter(n -> n.applicationNumber().equals(task.applicationNumber()) && "DOCUMENT_FINDINGS".equals(n.kind()))
			.findFirst()
			.orElse(null));
		return "portal/task";
	}

	/**
	 * Completes a task of the client's with its one answer field: the corrections note
	 * (document review) or the corrective actions (nonconformities).
	 */
	@PostMapping("/tasks/{id}")
	String completeTask(@PathVariable String id, @RequestParam(name = "correctionsNote", required = false) String note,
			@RequestParam(name = "correctiveActions", required = false) String actions, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		ClientAccount account = signedIn(request, model);
		ClientTasks.OpenTask task = this.tasks.task(account, id);
		boolean corrections = InitialCertification.Elements.SUBMIT_CORRECTIONS.equals(task.key());
		String field = corrections ? "correctionsNote" : "correctiveActions";
		String value = corrections ? note : actions;
		try {
			if (value == null || value.isBlank()) {
				throw new InvalidInputException(field, corrections ? "请说明已如何整改" : "请逐项说明整改措施");
			}
			if (value.length() > 3500
					|| value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r')) {
				throw new InvalidInputException(field, "最多 3500 个字符，不含控制字符");
			}
			this.tasks.complete(account, id, java.util.Map.of(field, value));
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("errors", PortalForms.messages(ex));
			return task(id, request, model);
		}
		redirect.addFlashAttribute("info", corrections ? "已提交，认证机构将重新进行文件评审。" : "整改措施已提交，审查组长将验证整改。");
		return "redirect:/portal/";
	}

	@GetMapping("/applications/{number}")
	String application(@PathVariable String number, HttpServletRequest request, Model model) {
		ClientAccount account = signedIn(request, model);
		model.addAttribute("application", ClientViews.Application.of(this.records.application(account, number)));
		model.addAttribute("documents", this.records.documents(account, number));
		model.addAttribute("missing", this.records.missingDocuments(account, number));
		model.addAttribute("timeline", this.records.applicationTimeline(account, number));
		model.addAttribute("types", DocumentType.values());
		return "portal/application";
	}

	@PostMapping("/applications/{number}/documents")
	String upload(@PathVariable String number, @RequestParam(name = "type", required = false) String type,
			@RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
		ClientAccount account = signedIn(request, model);
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", "请选择要上传的文件");
			}
			this.records.upload(account, number, type, file.getOriginalFilename(), file.getContentType(),
					file.getBytes());
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("errors", PortalForms.messages(ex));
			return application(number, request, model);
		}
		redirect.addFlashAttribute("info", "文件已上传。");
		return "redirect:/portal/applications/" + number;
	}

	@GetMapping("/documents/{id}")
	ResponseEntity<byte[]> document(@PathVariable long id, HttpServletRequest request) {
		return ClientApiController.download(this.records.document(signedIn(request, null), id));
	}

	@GetMapping("/certificates/{number}")
	String certificate(@PathVariable String number, HttpServletRequest request, Model model) {
		ClientAccount account = signedIn(request, model);
		Certificate c = this.records.certificate(account, number);
		model.addAttribute("certificate", ClientViews.CertificateSummary.of(c, this.records.verificationUrl(number)));
		model.addAttribute("detail", c);
		model.addAttribute("revisions", this.records.revisions(account, number));
		model.addAttribute("timeline", this.records.certificateTimeline(account, number));
		return "portal/certificate";
	}

	@GetMapping("/certificates/{number}/document.pdf")
	ResponseEntity<byte[]> certificatePdf(@PathVariable String number, HttpServletRequest request) {
		byte[] pdf = this.records.certificatePdf(signedIn(request, null), number);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore().cachePrivate())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(number + ".pdf").build().toString())
			.body(pdf);
	}

	@GetMapping("/notices")
	String notices(HttpServletRequest request, Model model) {
		model.addAttribute("notices", this.records.notices(signedIn(request, model)));
		return "portal/notices";
	}

	@GetMapping("/apply")
	String applyPage(HttpServletRequest request, Model model) {
		ClientAccount account = signedIn(request, model);
		ClientRecord client = this.accounts.client(account.creditCode());
		ApplyForm form = new ApplyForm();
		form.clientName = client.name();
		form.clientAddress = client.address();
		form.legalStatus = client.legalStatus();
		form.contactEmail = account.email();
		form.documents = EnumSet.allOf(DocumentType.class)
			.stream()
			.filter(DocumentType::mandatory)
			.map(Enum::name)
			.toList();
		return applyForm(form, model);
	}

	@PostMapping("/apply")
	String apply(ApplyForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
		ClientAccount account = signedIn(request, model);
		try {
			String number = this.records.apply(account, form.toRequest());
			return "redirect:/portal/applications/" + number + "?submitted";
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("errors", PortalForms.messages(ex));
			return applyForm(form, model);
		}
	}

	private String applyForm(ApplyForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("schemes", this.schemes.all().stream().map(Scheme::id).sorted().toList());
		model.addAttribute("types",
				EnumSet.allOf(DocumentType.class)
					.stream()
					.filter(t -> t != DocumentType.CORRECTIVE_ACTION_EVIDENCE)
					.toList());
		return "portal/apply";
	}

	@ExceptionHandler(SignInRequired.class)
	String toLogin() {
		return "redirect:/portal/login";
	}

	@ExceptionHandler(StaffRefused.class)
	String staffRefused(HttpServletResponse response, Model model) {
		response.setStatus(403);
		model.addAttribute("title", "无权访问");
		model.addAttribute("message", "客户门户只供客户账户使用；认证机构员工请使用 Tasklist。");
		return "portal/message";
	}

	@ExceptionHandler(NotFoundException.class)
	String notFound(NotFoundException ex, HttpServletResponse response, Model model) {
		response.setStatus(404);
		model.addAttribute("title", "未找到");
		model.addAttribute("message", ex.getMessage());
		return "portal/message";
	}

	@ExceptionHandler(ConflictException.class)
	String conflict(ConflictException ex, HttpServletResponse response, Model model) {
		response.setStatus(409);
		model.addAttribute("title", "当前状态不允许");
		model.addAttribute("message", ex.getMessage());
		return "portal/message";
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(HttpServletResponse response, Model model) {
		response.setStatus(413);
		model.addAttribute("title", "文件过大");
		model.addAttribute("message", "文件（file）超过允许的大小，未保存任何内容。");
		return "portal/message";
	}

	/** The application form's fields as the browser sends them. */
	static class ApplyForm {

		public String clientName;

		public String clientAddress;

		public String legalStatus;

		public String schemeId;

		public String requestedStars;

		public String technicalArea;

		public String categories;

		public String sites;

		public String headcount;

		public List<String> documents = new ArrayList<>();

		public String contactEmail;

		public void setClientName(String v) {
			this.clientName = v;
		}

		public void setClientAddress(String v) {
			this.clientAddress = v;
		}

		public void setLegalStatus(String v) {
			this.legalStatus = v;
		}

		public void setSchemeId(String v) {
			this.schemeId = v;
		}

		public void setRequestedStars(String v) {
			this.requestedStars = v;
		}

		public void setTechnicalArea(String v) {
			this.technicalArea = v;
		}

		public void setCategories(String v) {
			this.categories = v;
		}

		public void setSites(String v) {
			this.sites = v;
		}

		public void setHeadcount(String v) {
			this.headcount = v;
		}

		public void setDocuments(List<String> v) {
			this.documents = (v != null) ? v : new ArrayList<>();
		}

		public void setContactEmail(String v) {
			this.contactEmail = v;
		}

		ApplicationRequest toRequest() {
			List<FieldProblem> problems = new ArrayList<>();
			Integer stars = number("requestedStars", this.requestedStars, problems);
			Integer people = number("headcount", this.headcount, problems);
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			return new ApplicationRequest(blankToNull(this.clientName), blankToNull(this.clientAddress), null,
					blankToNull(this.legalStatus), blankToNull(this.schemeId), stars, trim(this.technicalArea),
					split(this.categories, "[,，、]"), split(this.sites, "\\R"), people, this.documents,
					blankToNull(trim(this.contactEmail)));
		}

		private static Integer number(String field, String value, List<FieldProblem> problems) {
			if (value == null || value.isBlank()) {
				return null;
			}
			try {
				return Integer.valueOf(value.strip());
			}
			catch (NumberFormatException ex) {
				problems.add(new FieldProblem(field, "请填写整数"));
				return null;
			}
		}

		private static List<String> split(String value, String separator) {
			if (value == null || value.isBlank()) {
				return List.of();
			}
			return Arrays.stream(value.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
		}

		private static String trim(String value) {
			return (value != null) ? value.trim() : null;
		}

		private static String blankToNull(String value) {
			return (value == null || value.isBlank()) ? null : value;
		}

	}

}
