package cn.certflow.portal;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a client may ask about its certificate in the portal (issue 18 point 4): the
 * changes of {@code CertificateLifecycle.ChangeKind} (R-CHG-1, R-EXT-1, R-UPG-1, PCEC
 * 12.3 downgrade), suspension and cancellation at its own request (PCEC 12.3), an appeal
 * or a complaint (R-APL-1). Each with its title and what it asks for.
 */
enum ClientRequestKind {

	NAME("名称变更", "获证组织名称变更（PCEC 12.1）：经文件评审后换发证书。"),

	PREMISES("经营场所变更", "经营场所（地址）变更（PCEC 12.1）：按初次认证进行现场审查后换发证书。"),

	SERVICE_PROCESS("主要服务流程变更", "同一地址的主要服务流程变更（PCEC 12.1(2)）：现场审查后换发证书。"),

	EXTENSION("扩大认证范围", "扩大认证范围（R-EXT-1）：评审，需要时现场审查，后换发证书。"),

	UPGRADE("升级", "申请更高星级（R-UPG-1）：获证满一年后可申请，经评价后换发证书。"),

	TRANSITION("转换到新版认证规则", "按新版认证规则转换（PCEC 12.1(3)）：评审后换发证书。"),

	DOWNGRADE("降级", "获证组织主动申请降级（PCEC 12.3）：评审后按较低等级换发证书。"),

	SUSPENSION("暂停证书", "获证组织申请暂停证书（PCEC 12.3）：暂停期间不得使用认证证书和标志，最长 6 个月。"),

	CANCELLATION("注销证书", "获证组织申请注销证书（PCEC 12.3）：注销后证书不再有效，不能恢复。"),

	APPEAL("申诉", "对认证机构的决定提出申诉（PCEC 14）：由未参与该决定的人员处理。"),

	COMPLAINT("投诉", "对认证机构或其人员的投诉（PCEC 14）。");

	private final String title;

	private final String explanation;

	ClientRequestKind(String title, String explanation) {
		this.title = title;
		this.explanation = explanation;
	}

	public String title() {
		return this.title;
	}

	public String explanation() {
		return this.explanation;
	}

	/** A change of the certificate, sent as {@code CertificateRequests.change}. */
	public boolean isChange() {
		return ordinal() <= DOWNGRADE.ordinal();
	}

	/** An appeal or a complaint, received as a case. */
	public boolean isCase() {
		return this == APPEAL || this == COMPLAINT;
	}

	/** A suspension or cancellation: a reason is all it asks. */
	public boolean isReason() {
		return this == SUSPENSION || this == CANCELLATION;
	}

	static Optional<ClientRequestKind> of(String value) {
		return Arrays.stream(values()).filter(k -> k.name().equals(value)).findFirst();
	}

}
