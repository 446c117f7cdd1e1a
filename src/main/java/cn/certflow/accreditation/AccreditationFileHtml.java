package cn.certflow.accreditation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The accreditation file as one printable HTML page, rendered from the same JSON tree the
 * API returns, so the two never differ: each top-level section a heading, objects as
 * label/value tables, lists of records as tables.
 */
@Component
class AccreditationFileHtml {

	/** Section headings, in the order of the file. */
	static final Map<String, String> SECTIONS = Map.ofEntries(Map.entry("generated", "生成 Generated"),
			Map.entry("certificate", "证书 Certificate"),
			Map.entry("revisions", "证书版本 Revisions (issued, reissued, renewed, recalled)"),
			Map.entry("application", "认证申请 Application"), Map.entry("applicationReview", "申请评审 Application review"),
			Map.entry("documents", "申请文件 Documents (SHA-256)"), Map.entry("contract", "认证合同 Contract"),
			Map.entry("documentReview", "文件评审 Document review"),
			Map.entry("audits", "初次认证现场审查 Initial audit: plan, team, scores, nonconformities, decision"),
			Map.entry("grade", "评级 Grade (DMN table and evaluation)"),
			Map.entry("decision", "复核与认证决定 Initial certification decision"),
			Map.entry("impartiality", "公正性记录 Impartiality record"),
			Map.entry("competence", "人员资格记录 Competence: the qualification each person held on each step (R-COMP-1)"),
			Map.entry("notices", "致客户函件 Notices to the client"),
			Map.entry("statusHistory", "状态变更 Status changes (who, when, why)"),
			Map.entry("processHistory", "流程历史 Process history (Camunda)"),
			Map.entry("surveillance", "监督审查 Surveillance"), Map.entry("recertification", "再认证 Recertification"),
			Map.entry("changes", "变更、扩大、升级、暂停等申请 Requests and their audits"),
			Map.entry("complaintsAndAppeals", "投诉与申诉 Complaints and appeals"));

	private final ObjectMapper json;

	AccreditationFileHtml(ObjectMapper json) {
		this.json = json;
	}

	String render(AccreditationFile file) {
		JsonNode tree = this.json.valueToTree(file);
		StringBuilder html = new StringBuilder(64 * 1024);
		html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>认证档案 ")
			.append(escape(tree.path("certificate").path("number").asText()))
			.append("</title><style>")
			.append("body{font-family:'Noto Sans CJK SC','WenQuanYi Micro Hei','Microsoft YaHei',sans-serif;margin:2em;color:#222}")
			.append("h1{color:#a31f24}h2{border-bottom:2px solid #a31f24;padding-bottom:.2em;margin-top:2em}")
			.append("table{border-collapse:collapse;margin:.4em 0;font-size:13px}")
			.append("th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}")
			.append("th{background:#f4f0f0}td.none{color:#888}@media print{h2{page-break-after:avoid}}")
			.append("</style></head><body>\n<h1>认证档案 Accreditation file — ")
			.append(escape(tree.path("certificate").path("number").asText()))
			.append("</h1>\n");
		Iterator<Map.Entry<String, JsonNode>> sections = tree.fields();
		while (sections.hasNext()) {
			Map.Entry<String, JsonNode> section = sections.next();
			html.append("<section id=\"")
				.append(section.getKey())
				.append("\"><h2>")
				.append(escape(SECTIONS.getOrDefault(section.getKey(), section.getKey())))
				.append("</h2>\n");
			value(html, section.getValue());
			html.append("</section>\n");
		}
		return html.append("</body></html>\n").toString();
	}

	private void value(StringBuilder html, JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			html.append("<span class=\"none\">—</span>");
		}
		else if (node.isObject()) {
			object(html, node);
		}
		else if (node.isArray()) {
			array(html, node);
		}
		else if (node.isTextual() && node.asText().startsWith("/staff/")) {
			// a staff page of ours (issue 23: the impact report of the table version that
			// graded the certificate)
			html.append("<a href=\"")
				.append(escape(node.asText()))
				.append("\">")
				.append(escape(node.asText()))
				.append("</a>");
		}
		else {
			html.append(escape(node.asText()).replace("\n", "<br>"));
		}
	}

	private void object(StringBuilder html, JsonNode node) {
		html.append("<table>");
		node.fields().forEachRemaining(field -> {
			html.append("<tr><th>").append(escape(field.getKey())).append("</th><td>");
			value(html, field.getValue());
			html.append("</td></tr>");
		});
		html.append("</table>");
	}

	/**
	 * A list of records as one table (columns: every key seen); a list of plain values
	 * one per line.
	 */
	private void array(StringBuilder html, JsonNode node) {
		if (node.isEmpty()) {
			html.append("<span class=\"none\">（无 none）</span>");
			return;
		}
		boolean records = true;
		for (JsonNode element : node) {
			records &= element.isObject();
		}
		if (!records) {
			List<String> lines = new ArrayList<>();
			node.forEach(e -> lines.add(e.isValueNode() ? escape(e.asText()) : escape(e.toString())));
			html.append(String.join("<br>", lines));
			return;
		}
		Set<String> columns = new LinkedHashSet<>();
		node.forEach(e -> e.fieldNames().forEachRemaining(columns::add));
		html.append("<table><tr>");
		columns.forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
		html.append("</tr>");
		for (JsonNode element : node) {
			html.append("<tr>");
			for (String column : columns) {
				html.append("<td>");
				value(html, element.get(column));
				html.append("</td>");
			}
			html.append("</tr>");
		}
		html.append("</table>");
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
