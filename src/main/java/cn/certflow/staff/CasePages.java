package cn.certflow.staff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.certificate.CertificateRevision;
import cn.certflow.certificate.CertificateService;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.security.ApiAccess;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.NotFoundException;
import cn.certflow.web.StaffAccess;
import cn.certflow.web.StaffNavigation;
import cn.certflow.web.StaffPage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The application and client pages (issue 19.1): search by application or certificate
 * number, client name or credit code, finished cases included; a client's every
 * application, audit, certificate with its revisions, request, case, notice and status
 * change; and the case page the decider opens from the decision task, with the score
 * sheet item by item, special deductions and strengths, nonconformities and their
 * closure, documents and decisions. The search and client pages are for those who see
 * every certificate ({@link StaffNavigation#SEARCHERS}); the case page for anyone who may
 * see the application ({@link ApiAccess#requireApplication}: else 404). Read only.
 */
@Controller
class CasePages extends StaffPage {

	static final int MAX_QUERY = 200;

	/** The case page's sections of one audit. */
	record AuditView(StaffRecords.Audit audit, List<String> team, List<ScoreView> scores,
			List<StaffRecords.Nonconformity> nonconformities, StaffRecords.Decision decision) {
	}

	record ScoreView(StaffRecords.Score score, ScoreSheetView sheet) {
	}

	record CertificateView(StaffRecords.CertificateRow certificate, List<CertificateRevision> revisions) {
	}

	private final StaffRecords records;

	private final CertificateService certificates;

	private final SchemeCatalog schemes;

	private final ApiAccess access;

	CasePages(StaffRecords records, CertificateService certificates, SchemeCatalog schemes, ApiAccess access) {
		this.records = records;
		this.certificates = certificates;
		this.schemes = schemes;
		this.access = access;
	}

	/**
	 * The staff pages' entry (the link in Tasklist's header): the search for those who
	 * may search, the conflicts-of-interest declaration (open to all staff) for the
	 * others.
	 */
	@GetMapping({ "/staff", "/staff/" })
	String home(HttpServletRequest request) {
		return StaffAccess.user(request).inAnyOf(StaffNavigation.SEARCHERS) ? "redirect:/staff/cases"
				: "redirect:/staff/conflicts";
	}

	@GetMapping("/staff/cases")
	String search(@RequestParam(name = "q", required = false) String q, HttpServletRequest request, Model model) {
		requireAnyGroup(request, "申请和证书查询", StaffNavigation.SEARCHERS);
		if (q != null && q.length() > MAX_QUERY) {
			throw new InvalidInputException("查询内容（q）", "最多 " + MAX_QUERY + " 个字符");
		}
		model.addAttribute("title", "查找申请、证书和客户");
		model.addAttribute("q", (q != null) ? q.trim() : "");
		model.addAttribute("hits", (q != null && !q.isBlank()) ? this.records.search(q) : null);
		model.addAttribute("maxHits", StaffRecords.MAX_HITS);
		return "staff/search";
	}

	@GetMapping("/staff/clients/{creditCode}")
	String client(@PathVariable String creditCode, HttpServletRequest request, Model model) {
		requireAnyGroup(request, "客户页面", StaffNavigation.SEARCHERS);
		StaffRecords.Client client = this.records.client(creditCode)
			.orElseThrow(() -> new NotFoundException("统一社会信用代码", "没有客户 " + creditCode));
		List<StaffRecords.Application> applications = this.records.applicationsOf(creditCode);
		List<Long> ids = applications.stream().map(StaffRecords.Application::id).toList();
		List<String> applicationNumbers = applications.stream().map(StaffRecords.Application::number).toList();
		List<StaffRecords.Audit> audits = this.records.audits(ids);
		List<StaffRecords.CertificateRow> certificates = this.records.certificates(ids);
		List<String> certificateNumbers = certificates.stream().map(StaffRecords.CertificateRow::number).toList();
		List<StaffRecords.Request> requests = this.records.requests(certificateNumbers);
		List<StaffRecords.CaseRow> cases = this.records.cases(certificateNumbers, applicationNumbers);
		Map<String, List<String>> keys = new LinkedHashMap<>();
		keys.put("APPLICATION", applicationNumbers);
		keys.put("AUDIT", audits.stream().map((a) -> String.valueOf(a.id())).toList());
		keys.put("CERTIFICATE", certificateNumbers);
		keys.put("REQUEST", requests.stream().map((r) -> String.valueOf(r.id())).toList());
		keys.put("CASE", cases.stream().map(StaffRecords.CaseRow::number).toList());
		model.addAttribute("title", client.name());
		model.addAttribute("client", client);
		model.addAttribute("keepsAccounts", user(request).inAnyOf(StaffNavigation.ACCOUNT_KEEPERS));
		model.addAttribute("applications", applications);
		model.addAttribute("audits", audits);
		model.addAttribute("certificates",
				certificates.stream()
					.map((c) -> new CertificateView(c, this.certificates.revisions(c.number())))
					.toList());
		model.addAttribute("requests", requests);
		model.addAttribute("cases", cases);
		model.addAttribute("notices", this.records.notices(ids));
		model.addAttribute("changes", this.records.statusChanges(keys));
		return "staff/client";
	}

	@GetMapping("/staff/cases/{number}")
	String application(@PathVariable String number, HttpServletRequest request, Model model) {
		this.access.requireApplication(number);
		StaffRecords.Application application = this.records.application(number)
			.orElseThrow(() -> new NotFoundException("申请编号", "没有申请 " + number));
		List<StaffRecords.Decision> decisions = this.records.decisions(application.id());
		List<AuditView> audits = new ArrayList<>();
		for (StaffRecords.Audit audit : this.records.audits(List.of(application.id()))) {
			audits.add(new AuditView(audit, this.records.team(audit.id()),
					this.records.scores(audit.id())
						.stream()
						.map((s) -> new ScoreView(s, ScoreSheetView.of(this.schemes.get(s.scheme()), s.itemScores())))
						.toList(),
					this.records.nonconformities(audit.id()),
					decisions.stream().filter((d) -> d.auditId() == audit.id()).reduce((a, b) -> b).orElse(null)));
		}
		Map<String, List<String>> keys = new LinkedHashMap<>();
		keys.put("APPLICATION", List.of(number));
		keys.put("AUDIT", audits.stream().map((a) -> String.valueOf(a.audit().id())).toList());
		model.addAttribute("title", "申请 " + number);
		model.addAttribute("app", application);
		model.addAttribute("audits", audits);
		model.addAttribute("documents", this.records.documents(application.id()));
		model.addAttribute("certificates", this.records.certificates(List.of(application.id())));
		model.addAttribute("changes", this.records.statusChanges(keys));
		model.addAttribute("seesClient", user(request).inAnyOf(StaffNavigation.SEARCHERS));
		return "staff/case";
	}

}
