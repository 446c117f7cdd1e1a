package cn.certflow.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import cn.certflow.system.EngineTime;

/**
 * Codes of our records as words on the staff pages (issue 19.5: no {@code RECOMMENDED} on
 * a page), and times with their zone. A code without a word is shown as it is.
 */
public final class Words {

	/** The instance the pages' models carry as {@code words}. */
	public static final Words INSTANCE = new Words();

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("RECEIVED", "已收到"),
			Map.entry("REJECTED", "未受理/未批准"), Map.entry("ACCEPTED", "已受理"), Map.entry("CONTRACTED", "已签合同"),
			Map.entry("DOCUMENTS_IN_CORRECTION", "文件补正中"), Map.entry("DOCUMENTS_RESUBMITTED", "文件已重新提交"),
			Map.entry("TEAM_APPOINTED", "已组建审查组"), Map.entry("DOCUMENTS_PASSED", "文件审查通过"),
			Map.entry("AUDIT_PLANNED", "已安排审查"), Map.entry("AUDIT_TERMINATED", "审查已终止"), Map.entry("CERTIFIED", "已认证"),
			Map.entry("REFUSED", "不予认证"), Map.entry("VALID", "有效"), Map.entry("SUSPENDED", "暂停"),
			Map.entry("WITHDRAWN", "撤销"), Map.entry("CANCELLED", "注销"), Map.entry("EXPIRED", "过期"),
			Map.entry("INITIAL", "初次认证审查"), Map.entry("SURVEILLANCE", "监督审查"), Map.entry("RECERTIFICATION", "再认证审查"),
			Map.entry("SPECIAL", "特殊审查"), Map.entry("CHANGE", "变更"), Map.entry("EXTENSION", "扩大范围"),
			Map.entry("UPGRADE", "升级"), Map.entry("DOWNGRADE", "降级"), Map.entry("APPLICATION", "申请"),
			Map.entry("AUDIT", "审查"), Map.entry("CERTIFICATE", "证书"), Map.entry("REQUEST", "请求"),
			Map.entry("CASE", "申诉/投诉"), Map.entry("CERTIFICATE_AUDIT", "获证后审查"), Map.entry("ESCALATED", "逾期已上报"),
			Map.entry("ESCALATION_HANDLED", "逾期已处理"), Map.entry("PLANNED", "已计划"), Map.entry("IN_PROGRESS", "进行中"),
			Map.entry("AWAITING_CORRECTIONS", "等待整改"), Map.entry("COMPLETED", "已完成"), Map.entry("TERMINATED", "已终止"),
			Map.entry("OPEN", "待处理"), Map.entry("POSTPONED", "已延期"), Map.entry("DECIDED", "已决定"),
			Map.entry("CLOSED", "已关闭"), Map.entry("ACKNOWLEDGED", "已确认收到"), Map.entry("CANDIDATE", "待审批"),
			Map.entry("APPROVED", "已批准"), Map.entry("PENDING", "待发送"), Map.entry("SENT", "已发送"),
			Map.entry("FAILED", "发送失败"), Map.entry("NOT_SENT", "不发送"), Map.entry("APPEAL", "申诉"),
			Map.entry("COMPLAINT", "投诉"), Map.entry("SUSPENSION", "暂停"), Map.entry("WITHDRAWAL", "撤销"),
			Map.entry("CANCELLATION", "注销"), Map.entry("EVENT", "事件报告"), Map.entry("NAME", "名称变更"),
			Map.entry("PREMISES", "地址变更"), Map.entry("SERVICE_PROCESS", "主要服务流程变更"), Map.entry("TRANSITION", "转换"),
			Map.entry("PASSED", "通过"), Map.entry("LEAD", "组长"), Map.entry("MEMBER", "组员"),
			Map.entry("RECOMMENDED", "推荐认证"), Map.entry("NOT_RECOMMENDED", "不推荐认证"), Map.entry("UPHELD", "成立"),
			Map.entry("DISMISSED", "不成立"), Map.entry("PCEC", "售后服务认证（PCEC）"), Map.entry("CQM", "商品售后服务评价（CQM）"));

	private Words() {
	}

	/** The word for a code (a status, a kind, a document type), or the code. */
	public String of(Object code) {
		if (code == null) {
			return "—";
		}
		if (code instanceof Titled titled) {
			return titled.title();
		}
		String text = code.toString();
		return WORDS.getOrDefault(text, text);
	}

	/** A time in the certification body's zone, with the zone shown. */
	public String time(OffsetDateTime time) {
		return (time != null)
				? time.atZoneSameInstant(EngineTime.ZONE).format(TIME) + "（" + EngineTime.ZONE.getId() + "）" : "—";
	}

}
