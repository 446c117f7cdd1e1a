package cn.certflow.portal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import cn.certflow.system.EngineTime;

/** What the portal shows a client: statuses and dates in plain Chinese. */
final class PlainWords {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final Map<String, String> STATUS = Map.ofEntries(Map.entry("RECEIVED", "已收到申请，等待申请评审"),
			Map.entry("REJECTED", "申请未被受理"), Map.entry("ACCEPTED", "申请已受理，等待签订合同"),
			Map.entry("CONTRACTED", "合同已签订，等待文件评审"), Map.entry("DOCUMENTS_IN_CORRECTION", "文件评审发现问题，请整改后重新提交文件"),
			Map.entry("DOCUMENTS_RESUBMITTED", "整改后的文件已提交，等待再次评审"), Map.entry("DOCUMENTS_PASSED", "文件评审通过，等待策划现场审查"),
			Map.entry("AUDIT_PLANNED", "现场审查已策划"), Map.entry("AUDIT_TERMINATED", "现场审查已终止"),
			Map.entry("CERTIFIED", "已获认证，证书已颁发"), Map.entry("REFUSED", "不予认证"), Map.entry("VALID", "有效"),
			Map.entry("SUSPENDED", "暂停（暂停期间不得使用证书）"), Map.entry("WITHDRAWN", "撤销"), Map.entry("CANCELLED", "注销"),
			Map.entry("EXPIRED", "过期失效"), Map.entry("PLANNED", "已策划"), Map.entry("OPEN", "进行中"),
			Map.entry("CLOSED", "已结束"));

	private static final Map<String, String> NOTICE = Map.of("APPLICATION_REJECTED", "申请未被受理", "CERTIFICATION_REFUSED",
			"不予认证", "CERTIFICATE_ISSUED", "证书颁发", "DOCUMENT_FINDINGS", "文件评审发现");

	private PlainWords() {
	}

	static String status(String status) {
		return (status == null) ? "—" : STATUS.getOrDefault(status, status);
	}

	static String notice(String kind) {
		return NOTICE.getOrDefault(kind, "认证通知");
	}

	static String time(OffsetDateTime time) {
		return (time == null) ? "—" : time.atZoneSameInstant(EngineTime.ZONE).format(TIME);
	}

}
