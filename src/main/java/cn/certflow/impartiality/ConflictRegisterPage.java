package cn.certflow.impartiality;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.application.CreditCode;
import cn.certflow.security.Groups;
import cn.certflow.security.WebappSession.StaffUser;
import cn.certflow.web.StaffNavigation;
import cn.certflow.web.StaffPage;
import cn.certflow.system.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The conflicts-of-interest page (issue 19.3): every staff member declares their own
 * relationships with clients and sees them; quality managers, managers and administrators
 * see the whole register; administrators declare for another person. The declaration is
 * the same as {@code POST /api/conflicts} ({@link ConflictOfInterest} checks it); bad
 * input answers 400 with the form again, the wrong field named in Chinese and
 * highlighted, and nothing recorded.
 */
@Controller
@RequestMapping("/staff/conflicts")
class ConflictRegisterPage extends StaffPage {

	static final int MAX_USER = 100;

	static final int MAX_NAME = 200;

	static final int MAX_DESCRIPTION = 2000;

	/** The form's fields and their Chinese names. */
	static final Map<String, String> LABELS = Map.of("userId", "声明人", "creditCode", "统一社会信用代码", "clientName", "客户名称",
			"relationship", "关系类型", "description", "说明", "startedOn", "开始日期", "endedOn", "结束日期");

	/** What the service's problems mean, in the page's words. */
	private static final Map<String, String> SERVICE_PROBLEMS = Map.of("userId", "没有这个用户", "creditCode",
			"不是有效的统一社会信用代码（18 位，校验位按 GB 32100）", "endedOn", "结束日期不能早于开始日期", "description", "关系类型为“其他”时请说明是什么关系");

	private final ConflictOfInterest conflicts;

	ConflictRegisterPage(ConflictOfInterest conflicts) {
		this.conflicts = conflicts;
	}

	@GetMapping
	String page(@RequestParam(name = "declared", required = false) Long declared, HttpServletRequest request,
			Model model) {
		return show(request, model, new LinkedHashMap<>(), new LinkedHashMap<>(),
				(declared != null) ? "已登记声明 #" + declared + "。" : null);
	}

	@PostMapping
	String declare(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		StaffUser user = user(request);
		Map<String, String> errors = new LinkedHashMap<>();
		String userId = text(form, "userId", MAX_USER, false, errors);
		String creditCode = text(form, "creditCode", 18, true, errors);
		String clientName = text(form, "clientName", MAX_NAME, false, errors);
		String description = text(form, "description", MAX_DESCRIPTION, false, errors);
		Relationship relationship = relationship(form.get("relationship"), errors);
		LocalDate startedOn = date(form, "startedOn", true, errors);
		LocalDate endedOn = date(form, "endedOn", false, errors);
		if (creditCode != null && !errors.containsKey("creditCode")
				&& CreditCode.problem(creditCode.toUpperCase()) != null) {
			errors.put("creditCode", SERVICE_PROBLEMS.get("creditCode"));
		}
		boolean admin = user.inAnyOf(Groups.ADMINS);
		if (userId != null && !userId.equals(user.id()) && !admin) {
			errors.put("userId", "只有系统管理员可以替他人声明；请留空或填写你自己的用户名 " + user.id());
		}
		if (errors.isEmpty()) {
			try {
				Declaration declaration = this.conflicts.declare(new DeclarationRequest(userId,
						creditCode.toUpperCase(), clientName, relationship, description, startedOn, endedOn), user.id(),
						admin);
				return "redirect:/staff/conflicts?declared=" + declaration.id();
			}
			catch (InvalidInputException ex) {
				ex.problems()
					.forEach((p) -> errors.put(p.field(), SERVICE_PROBLEMS.getOrDefault(p.field(), p.message())));
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return show(request, model, new LinkedHashMap<>(form), errors, null);
	}

	private String show(HttpServletRequest request, Model model, Map<String, String> form, Map<String, String> errors,
			String done) {
		StaffUser user = user(request);
		boolean register = user.inAnyOf(StaffNavigation.REGISTER_READERS);
		List<Declaration> declarations = register ? this.conflicts.allDeclarations()
				: this.conflicts.declarationsOf(user.id());
		form.remove("_csrf");
		model.addAttribute("title", register ? "利益冲突登记册" : "我的利益冲突声明");
		model.addAttribute("register", register);
		model.addAttribute("admin", user.inAnyOf(Groups.ADMINS));
		model.addAttribute("declarations", declarations);
		model.addAttribute("relationships", Relationship.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("labels", LABELS);
		model.addAttribute("done", done);
		return "staff/conflicts";
	}

	private static String text(Map<String, String> form, String field, int max, boolean required,
			Map<String, String> errors) {
		String value = form.get(field);
		value = (value == null || value.isBlank()) ? null : value.trim();
		if (value == null && required) {
			errors.put(field, "必填");
		}
		else if (value != null && value.length() > max) {
			errors.put(field, "最多 " + max + " 个字符");
		}
		return value;
	}

	private static Relationship relationship(String value, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			errors.put("relationship", "必填");
			return null;
		}
		try {
			return Relationship.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			errors.put("relationship", "请选择列表中的一种关系");
			return null;
		}
	}

	private static LocalDate date(Map<String, String> form, String field, boolean required,
			Map<String, String> errors) {
		String value = form.get(field);
		if (value == null || value.isBlank()) {
			if (required) {
				errors.put(field, "必填");
			}
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "日期格式应为 年-月-日，例如 2026-01-31");
			return null;
		}
	}

}
