package cn.certflow.application;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.certflow.document.DocumentOwner;
import cn.certflow.document.DocumentType;
import cn.certflow.document.Documents;
import cn.certflow.system.EngineTime;
import cn.certflow.system.InvalidInputException.FieldProblem;
import cn.certflow.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-CRED-1 (PCEC 7.1 "确定企业法律地位的合法性…通过公开网站验证"; ZHHT 5.2.1 a
 * "将在“国家企业信用信息公示系统”查验的“行政处罚”、“列入经营异常名录”、“列入严重违法失信企业名单（黑名单）”…截图保留在组织档案中。如申请认证组织有相关行政处罚，应要求其提供处罚已消除的证据"):
 * the review records each lookup — what was looked up, the result, the day — and an
 * application is accepted only when every lookup is recorded, the client is on neither
 * list, and an administrative penalty is shown cleared by a
 * {@link DocumentType#PENALTY_CLEARANCE_PROOF} in the client's file. The screenshot is
 * the mandatory {@link DocumentType#CREDIT_CHECK_SCREENSHOT}.
 */
@Service
public class CreditChecks {

	static final int MAX_LOOKED_UP = 500;

	private static final Map<CreditCheckKind, Set<CreditCheckResult>> ALLOWED = Map.of(
			CreditCheckKind.ADMINISTRATIVE_PENALTY,
			Set.of(CreditCheckResult.CLEAR, CreditCheckResult.PENALTY_CLEARED, CreditCheckResult.PENALTY_OPEN),
			CreditCheckKind.ABNORMAL_OPERATION_LIST, Set.of(CreditCheckResult.CLEAR, CreditCheckResult.LISTED),
			CreditCheckKind.SERIOUS_VIOLATION_LIST, Set.of(CreditCheckResult.CLEAR, CreditCheckResult.LISTED));

	private final ApplicationRepository applications;

	private final CreditCheckRepository checks;

	private final Documents documents;

	CreditChecks(ApplicationRepository applications, CreditCheckRepository checks, Documents documents) {
		this.applications = applications;
		this.checks = checks;
		this.documents = documents;
	}

	/**
	 * Records lookups of an open application, all or none: bad input is refused naming
	 * the field ({@code kind}, {@code result}, {@code lookedUp}, {@code checkedOn}).
	 */
	@Transactional
	public List<CreditCheck> record(String applicationNumber, List<CreditCheck.Entry> entries, String recordedBy) {
		ApplicationRecord application = this.applications.get(applicationNumber);
		if (application.status().isFinal()) {
			throw new InvalidInputException("applicationNumber", "申请 " + applicationNumber + " 已结束，不能再记录信用信息查询");
		}
		if (entries == null || entries.isEmpty()) {
			throw new InvalidInputException("checks", "至少记录一项信用信息查询");
		}
		List<FieldProblem> problems = new ArrayList<>();
		List<Runnable> inserts = new ArrayList<>();
		for (CreditCheck.Entry entry : entries) {
			CreditCheckKind kind = parse(CreditCheckKind.class, entry.kind(), "kind", problems);
			CreditCheckResult result = parse(CreditCheckResult.class, entry.result(), "result", problems);
			if (kind != null && result != null && !ALLOWED.get(kind).contains(result)) {
				problems.add(new FieldProblem("result", kind.title() + "的查询结果只能是 " + ALLOWED.get(kind)));
			}
			String lookedUp = (entry.lookedUp() != null) ? entry.lookedUp().trim() : "";
			if (lookedUp.isEmpty() || lookedUp.length() > MAX_LOOKED_UP) {
				problems.add(new FieldProblem("lookedUp", "请写明查询的系统与内容（1–" + MAX_LOOKED_UP + " 个字符）"));
			}
			LocalDate checkedOn = date(entry.checkedOn(), problems);
			inserts.add(() -> this.checks.insert(application.id(), kind, lookedUp, result, checkedOn, recordedBy));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		inserts.forEach(Runnable::run);
		return list(applicationNumber);
	}

	/**
	 * The review form's lookups (recorded when the reviewer gave any result), then, when
	 * the review accepts, {@link #requireAcceptable}.
	 */
	@Transactional
	public void onReview(String applicationNumber, boolean accepting, Map<CreditCheckKind, String> results,
			String lookedUp, String checkedOn, String reviewer) {
		List<CreditCheck.Entry> entries = new ArrayList<>();
		results.forEach((kind, result) -> {
			if (result != null) {
				entries.add(new CreditCheck.Entry(kind.name(), lookedUp, result, checkedOn));
			}
		});
		if (!entries.isEmpty()) {
			record(applicationNumber, entries, reviewer);
		}
		if (accepting) {
			requireAcceptable(applicationNumber);
		}
	}

	public List<CreditCheck> list(String applicationNumber) {
		ApplicationRecord application = this.applications.get(applicationNumber);
		return this.checks.list(application.id(), applicationNumber);
	}

	/**
	 * The rule itself: refuses acceptance, naming the review form's field, unless the
	 * latest lookup of each kind is recorded and none lists the client or shows a penalty
	 * without the proof of its clearance.
	 */
	public void requireAcceptable(String applicationNumber) {
		ApplicationRecord application = this.applications.get(applicationNumber);
		Map<CreditCheckKind, CreditCheckResult> latest = new EnumMap<>(CreditCheckKind.class);
		this.checks.list(application.id(), applicationNumber).forEach((c) -> latest.put(c.kind(), c.result()));
		List<FieldProblem> problems = new ArrayList<>();
		for (CreditCheckKind kind : CreditCheckKind.values()) {
			CreditCheckResult result = latest.get(kind);
			if (result == null) {
				problems.add(new FieldProblem(kind.field(), "不能受理：尚未记录" + kind.title() + "的查询（PCEC 7.1，ZHHT 5.2.1 a）"));
			}
			else if (result == CreditCheckResult.LISTED) {
				problems.add(new FieldProblem(kind.field(), "不能受理：申请组织已列入" + kind.title() + "（ZHHT 5.2.1 a）"));
			}
			else if (result == CreditCheckResult.PENALTY_OPEN) {
				problems.add(new FieldProblem(kind.field(), "不能受理：申请组织有行政处罚，须提供处罚已消除的证据（ZHHT 5.2.1 a）"));
			}
			else if (result == CreditCheckResult.PENALTY_CLEARED
					&& !this.documents.uploadedTypes(DocumentOwner.application(application.number()))
						.contains(DocumentType.PENALTY_CLEARANCE_PROOF)) {
				problems.add(new FieldProblem(kind.field(),
						"不能受理：行政处罚已消除的证明（" + DocumentType.PENALTY_CLEARANCE_PROOF + "）尚未上传到申请档案"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldProblem> problems) {
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			problems.add(new FieldProblem(field,
					"未知的取值 '" + value + "'，应为 " + java.util.Arrays.toString(type.getEnumConstants())));
			return null;
		}
	}

	private static LocalDate date(String value, List<FieldProblem> problems) {
		try {
			LocalDate date = LocalDate.parse(value.substring(0, Math.min(10, value.length())));
			if (date.isAfter(EngineTime.today())) {
				problems.add(new FieldProblem("checkedOn", "查询日期不能晚于今天"));
			}
			return date;
		}
		catch (DateTimeParseException | NullPointerException ex) {
			problems.add(new FieldProblem("checkedOn", "须为日期（yyyy-MM-dd）"));
			return null;
		}
	}

}
