package cn.certflow.portal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.certflow.system.InvalidInputException;

/** The names of the portal's form fields in Chinese, for messages that name the field. */
final class PortalForms {

	static final Map<String, String> LABELS = Map.ofEntries(Map.entry("clientName", "单位名称"),
			Map.entry("clientAddress", "单位地址"), Map.entry("creditCode", "统一社会信用代码"), Map.entry("legalStatus", "法律地位"),
			Map.entry("schemeId", "认证方案"), Map.entry("requestedStars", "申请星级"), Map.entry("technicalArea", "技术领域代码"),
			Map.entry("categories", "专业类别"), Map.entry("sites", "服务场所"), Map.entry("headcount", "员工人数"),
			Map.entry("documents", "提交的文件"), Map.entry("contactEmail", "联系邮箱"), Map.entry("type", "文件类型"),
			Map.entry("file", "文件"), Map.entry("password", "新密码"), Map.entry("repeated", "确认密码"),
			Map.entry("token", "设置密码链接"), Map.entry("applicationNumber", "申请编号"), Map.entry("userId", "登录名"),
			Map.entry("email", "电子邮箱"), Map.entry("name", "联系人姓名"), Map.entry("number", "编号"),
			Map.entry("correctionsNote", "整改说明"), Map.entry("taskId", "待办事项"), Map.entry("correctiveActions", "整改措施"));

	private PortalForms() {
	}

	/** The Chinese name of a field ({@code sites[2]} → 服务场所 第 3 项). */
	static String label(String field) {
		int bracket = field.indexOf('[');
		String base = (bracket > 0) ? field.substring(0, bracket) : field;
		String label = LABELS.getOrDefault(base, base);
		if (bracket > 0 && field.endsWith("]")) {
			try {
				label += " 第 " + (Integer.parseInt(field.substring(bracket + 1, field.length() - 1)) + 1) + " 项";
			}
			catch (NumberFormatException ex) {
				// keep the plain label
			}
		}
		return label + "（" + field + "）";
	}

	static List<String> messages(InvalidInputException ex) {
		return ex.problems().stream().map(p -> label(p.field()) + "：" + p.message()).toList();
	}

	static String message(InvalidInputException ex) {
		return messages(ex).stream().collect(Collectors.joining("；"));
	}

}
