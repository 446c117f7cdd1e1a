package cn.certflow.certificate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.certificate.CertificateLifecycle.ChangeKind;
import cn.certflow.rules.SurveillanceEventKind;
import cn.certflow.security.Groups;
import cn.certflow.security.WebappSession.StaffUser;
import cn.certflow.system.InvalidInputException;

/**
 * The certification body's request forms on the certificate's staff page (issue 19,
 * "staff never need curl"): who sees which form — the groups of the API's table in the
 * README ({@link CertificateRequestController}) — the words of the choices, and the
 * Chinese names of the fields for messages that name them.
 */
final class StaffRequestForms {

	/** The forms, each with the groups that may send it. */
	enum Form {

		SUSPENSION("暂停证书", Groups.DECISION_MAKERS, Groups.REVIEWERS),

		WITHDRAWAL("撤销证书", Groups.DECISION_MAKERS),

		CANCELLATION("注销证书", Groups.REVIEWERS, Groups.DECISION_MAKERS),

		EVENT("报告监督事件", Groups.REVIEWERS, Groups.DECISION_MAKERS, Groups.QUALITY_MANAGERS),

		CHANGE("代获证组织登记变更申请", Groups.REVIEWERS);

		private final String title;

		private final String[] groups;

		Form(String title, String... groups) {
			this.title = title;
			this.groups = groups;
		}

		String title() {
			return this.title;
		}

		String[] groups() {
			return this.groups.clone();
		}

		/** The form of this name, or null. */
		static Form of(String name) {
			return java.util.Arrays.stream(values()).filter(f -> f.name().equals(name)).findFirst().orElse(null);
		}

	}

	static final Map<String, String> LABELS = Map.ofEntries(Map.entry("reason", "原因"), Map.entry("requestedBy", "提出方"),
			Map.entry("kind", "类型"), Map.entry("occurredOn", "发生日期"), Map.entry("evidence", "证据"),
			Map.entry("description", "说明"), Map.entry("newHolderName", "新名称"), Map.entry("newHolderAddress", "新地址"),
			Map.entry("addedScope", "扩大的认证范围"), Map.entry("requestedStars", "申请星级"),
			Map.entry("newRuleDocument", "新版认证规则"));

	/** The kinds of a reported event, in words (issue 19.5: no codes on a page). */
	static final Map<String, String> EVENT_KINDS = eventKinds();

	/** The kinds of a change, in words. */
	static final Map<String, String> CHANGE_KINDS = changeKinds();

	private StaffRequestForms() {
	}

	/** The forms the person may send. */
	static List<Form> formsFor(StaffUser user) {
		return java.util.Arrays.stream(Form.values()).filter(f -> user.inAnyOf(f.groups)).toList();
	}

	/** The problems as {field: message}, for the page's list and highlighted fields. */
	static Map<String, String> errors(InvalidInputException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.problems().forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "；" + b));
		return errors;
	}

	private static Map<String, String> eventKinds() {
		Map<String, String> words = new LinkedHashMap<>();
		for (SurveillanceEventKind kind : SurveillanceEventKind.values()) {
			words.put(kind.name(), switch (kind) {
				case SERIOUS_ACCIDENT_PROVEN -> "经查实由获证组织责任造成的重大事故（服务、环境、安全）";
				case MEDIA_EXPOSURE_PROVEN -> "经查实由获证组织责任的媒体曝光";
				case SERIOUS_COMPLAINT_PROVEN -> "经查实由获证组织责任的顾客严重投诉";
				case COMPLAINT_RECEIVED -> "收到投诉（不论是否查实）";
				case LEGAL_PERSON_CHANGED -> "法人变更";
				case ORGANISATION_CHANGED -> "组织结构变更";
				case FUNCTIONS_CHANGED -> "相关职能变更";
				case SERVICE_RESOURCES_CHANGED -> "服务资源变更";
				case CERTIFICATION_BASIS_CHANGED -> "认证依据（标准或认证规则）变更";
				case OTHER_SPECIAL_CIRCUMSTANCE -> "其他特殊情况（在证据中说明）";
			});
		}
		return words;
	}

	private static Map<String, String> changeKinds() {
		Map<String, String> words = new LinkedHashMap<>();
		for (ChangeKind kind : ChangeKind.values()) {
			words.put(kind.name(), switch (kind) {
				case NAME -> "名称变更（填新名称）";
				case PREMISES -> "经营场所变更（填新地址）";
				case SERVICE_PROCESS -> "主要服务流程变更（填说明）";
				case EXTENSION -> "扩大认证范围（填扩大的范围）";
				case UPGRADE -> "升级（填申请星级）";
				case DOWNGRADE -> "降级（获证组织申请，填降级后的星级）";
				case TRANSITION -> "转换到新版认证规则（填新版规则）";
			});
		}
		return words;
	}

}
