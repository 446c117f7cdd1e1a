package cn.certflow.competence;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.grading.Scheme;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.system.EngineTime;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.InvalidInputException.FieldProblem;
import org.camunda.bpm.engine.AuthorizationException;
import cn.certflow.system.AsEngine;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-COMP-1 (PCEC 8.1 "具备相关专业能力的审查员", ZHHT 5.2.1 c "认证审查人员和认证决定人员的能力是否满足要求"): the register
 * of qualifications, and the rule that whoever reviews the documents, audits or decides
 * holds a qualification valid on the day for the application's scheme and technical area
 * — the engine refuses anyone else (403 naming the person and what is missing), and
 * records the qualification held for the accreditation file.
 */
@Service
public class Qualifications {

	/** Expiry warnings, in days (the page shows within 30, 60 and 90 days). */
	static final List<Integer> EXPIRY_WARNINGS = List.of(30, 60, 90);

	static final int MAX_EVIDENCE = 1000;

	private static final Pattern AREA = Pattern.compile("\\d{2}(\\.\\d{2})?");

	private final QualificationRepository register;

	private final SchemeCatalog schemes;

	private final IdentityService identity;

	private final AsEngine asEngine;

	Qualifications(QualificationRepository register, SchemeCatalog schemes, IdentityService identity,
			AsEngine asEngine) {
		this.asEngine = asEngine;
		this.register = register;
		this.schemes = schemes;
		this.identity = identity;
	}

	/**
	 * Adds a qualification; bad input is refused naming each field, nothing added.
	 */
	@Transactional
	public Qualification add(Qualification.Request request, String recordedBy) {
		List<FieldProblem> problems = new ArrayList<>();
		String userId = trim(request.userId());
		if (userId.isEmpty() || account(userId).isEmpty()) {
			problems.add(new FieldProblem("userId", "没有账号 '" + userId + "'"));
		}
		QualificationRole role = null;
		try {
			role = QualificationRole.valueOf(trim(request.role()));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("role",
					"须为 " + java.util.Arrays.toString(QualificationRole.values()) + " 之一，实为 '" + request.role() + "'"));
		}
		String scheme = trim(request.schemeId());
		if (this.schemes.all().stream().map(Scheme::id).noneMatch(scheme::equals)) {
			problems.add(new FieldProblem("schemeId", "未知的认证方案 '" + scheme + "'"));
		}
		String area = trim(request.technicalArea());
		if (!AREA.matcher(area).matches()) {
			problems.add(new FieldProblem("technicalArea", "技术领域代码须如 01.07，或两位大类代码如 01"));
		}
		LocalDate from = date("validFrom", request.validFrom(), problems);
		LocalDate until = date("validUntil", request.validUntil(), problems);
		if (from != null && until != null && until.isBefore(from)) {
			problems.add(new FieldProblem("validUntil", "有效期至不能早于有效期自"));
		}
		String evidence = trim(request.evidence());
		if (evidence.isEmpty() || evidence.length() > MAX_EVIDENCE) {
			problems.add(new FieldProblem("evidence", "请写明依据（证书编号、培训或考核记录），1–" + MAX_EVIDENCE + " 个字符"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = this.register.insert(userId, role, scheme, area, from, until, evidence, recordedBy);
		return this.register.of(userId).stream().filter((q) -> q.id() == id).findFirst().orElseThrow();
	}

	/**
	 * Adds a qualification unless the register already has one for the person, role,
	 * scheme and area (demo and test accounts).
	 */
	@Transactional
	public void ensure(String userId, QualificationRole role, String scheme, String area, LocalDate from,
			LocalDate until, String evidence, String recordedBy) {
		if (!this.register.exists(userId, role, scheme, area)) {
			this.register.insert(userId, role, scheme, area, from, until, evidence, recordedBy);
		}
	}

	public List<Qualification> all() {
		return this.register.all();
	}

	public List<Qualification> of(String userId) {
		return this.register.of(userId);
	}

	/** "张伟（lead）": the person's name as the account has it, and the user id. */
	public String displayName(String userId) {
		String name = account(userId).map((user) -> nonNull(user.getLastName()) + nonNull(user.getFirstName()))
			.orElse("");
		return name.isBlank() ? userId : name + "（" + userId + "）";
	}

	/**
	 * The account, looked up by the system: whether a person has an account is not a
	 * matter of the caller's read permission on users (a quality manager registers
	 * qualifications without reading every account; a lead sees the names of the people
	 * qualified).
	 */
	private java.util.Optional<org.camunda.bpm.engine.identity.User> account(String userId) {
		return this.asEngine
			.call(() -> java.util.Optional.ofNullable(this.identity.createUserQuery().userId(userId).singleResult()));
	}

	private static String nonNull(String value) {
		return (value != null) ? value : "";
	}

	/** A qualification the person holds today for the role, scheme and area. */
	public Optional<Qualification> heldToday(String person, QualificationRole role, String scheme, String area) {
		LocalDate today = EngineTime.today();
		return this.register.of(person).stream().filter((q) -> q.covers(role, scheme, area, today)).findFirst();
	}

	/** Everyone holding a qualification today for the role, scheme and area. */
	public List<String> qualifiedToday(QualificationRole role, String scheme, String area) {
		LocalDate today = EngineTime.today();
		return this.register.all()
			.stream()
			.filter((q) -> q.covers(role, scheme, area, today))
			.map(Qualification::userId)
			.distinct()
			.sorted()
			.toList();
	}

	/**
	 * R-COMP-1 for an audit team (PCEC 8.1): its lead holds a lead auditor's
	 * qualification, every other member an auditor's, for the application's scheme and
	 * technical area today; each qualification held is kept for the accreditation file
	 * under {@code step}.
	 * @param leadByPerson each member of the team, true for its lead
	 * @throws AuthorizationException naming the first person and what is missing
	 */
	public void requireAuditTeam(ApplicationRecord application, String step, Map<String, Boolean> leadByPerson) {
		leadByPerson.forEach((person, lead) -> require(application.number(), step, person,
				lead ? QualificationRole.LEAD_AUDITOR : QualificationRole.AUDITOR, application.schemeId(),
				application.technicalArea(), true));
	}

	/**
	 * The rule: refuses (403) a person without a qualification valid today for the role,
	 * the application's scheme and technical area; when {@code record}, keeps the
	 * qualification held for the accreditation file.
	 * @throws AuthorizationException naming the person and what is missing
	 */
	public Qualification require(String applicationNumber, String step, String person, QualificationRole role,
			String scheme, String area, boolean record) {
		LocalDate today = EngineTime.today();
		Qualification held = heldToday(person, role, scheme, area).orElseThrow(() -> new AuthorizationException(
				"R-COMP-1: " + person + " 没有 " + today + " 有效的" + role.title() + "资格（认证方案 " + scheme + "，技术领域 " + area
						+ "），不能承担申请 " + applicationNumber + " 的这一步（PCEC 8.1，ZHHT 5.2.1 c）"));
		if (record) {
			this.register.recordHeld(applicationNumber, step, person, role, held.id(), today);
		}
		return held;
	}

	/** The qualifications each person held on each step of the application. */
	public List<Qualification.Held> heldFor(String applicationNumber) {
		return this.register.held(applicationNumber);
	}

	/**
	 * Qualifications still valid today that end within 90 days, soonest first, each with
	 * its warning band (30, 60 or 90 days).
	 */
	public List<Qualification.Expiring> expiring() {
		LocalDate today = EngineTime.today();
		int longest = EXPIRY_WARNINGS.get(EXPIRY_WARNINGS.size() - 1);
		return this.register.all()
			.stream()
			.filter((q) -> !q.validUntil().isBefore(today) && !q.validFrom().isAfter(today))
			.map((q) -> new Qualification.Expiring(q, ChronoUnit.DAYS.between(today, q.validUntil()),
					band(ChronoUnit.DAYS.between(today, q.validUntil()))))
			.filter((e) -> e.daysLeft() <= longest)
			.sorted(java.util.Comparator.comparingLong(Qualification.Expiring::daysLeft))
			.toList();
	}

	private static int band(long daysLeft) {
		return EXPIRY_WARNINGS.stream().filter((d) -> daysLeft <= d).findFirst().orElse(Integer.MAX_VALUE);
	}

	private static LocalDate date(String field, String value, List<FieldProblem> problems) {
		try {
			return LocalDate.parse(trim(value));
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "须为日期（yyyy-MM-dd）"));
			return null;
		}
	}

	private static String trim(String value) {
		return (value != null) ? value.trim() : "";
	}

}
