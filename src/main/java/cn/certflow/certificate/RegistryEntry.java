package cn.certflow.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * One certificate as the registry export gives it (IAF CertSearch status vocabulary, CNCA
 * 认证信息报送 certificate fields that CertFlow holds). JSON uses these names; the CSV uses
 * {@link #COLUMNS}' Chinese headers, same order.
 *
 * @param status IAF CertSearch certification status: active, suspended, withdrawn,
 * cancelled or expired
 * @param statusZh the same in the words of PCEC 12.3: 有效, 暂停, 撤销, 注销, 过期
 * @param statusDate day the certificate entered its current status (an expired one: the
 * day after its validity)
 * @param statusReason why, as recorded with the status change
 * @param issuedOn issue date of the current revision
 * @param firstIssuedOn issue date of the first revision (IAF "original issue date")
 * @param leadAuditor lead auditor of the latest audit with a positive decision (initial,
 * surveillance, recertification…), as are the team, person-days and date
 */
record RegistryEntry(String certificateNumber, int revision, String status, String statusZh, LocalDate statusDate,
		String statusReason, String certificationType, String scheme, String rule, String standard, String grade,
		int stars, String holderName, String creditCode, String address, String sites, Integer headcount, String scope,
		LocalDate issuedOn, LocalDate firstIssuedOn, LocalDate expiresOn, String signatory, String leadAuditor,
		String auditTeam, Integer auditPersonDays, LocalDate auditDate, String applicationNumber,
		String certificationBody) {

	/** A CSV column: its header (as in CNCA's Excel forms where one exists) and value. */
	record Column(String header, Function<RegistryEntry, Object> value) {
	}

	static final List<Column> COLUMNS = List.of(new Column("证书编号", RegistryEntry::certificateNumber),
			new Column("证书版本", RegistryEntry::revision), new Column("证书状态（IAF）", RegistryEntry::status),
			new Column("证书状态", RegistryEntry::statusZh), new Column("状态日期", RegistryEntry::statusDate),
			new Column("状态变更原因", RegistryEntry::statusReason), new Column("认证类型", RegistryEntry::certificationType),
			new Column("认证方案", RegistryEntry::scheme), new Column("认证规则", RegistryEntry::rule),
			new Column("认证依据标准", RegistryEntry::standard), new Column("认证等级", RegistryEntry::grade),
			new Column("星级", RegistryEntry::stars), new Column("组织名称", RegistryEntry::holderName),
			new Column("统一社会信用代码", RegistryEntry::creditCode), new Column("组织地址", RegistryEntry::address),
			new Column("认证覆盖场所", RegistryEntry::sites), new Column("覆盖人数", RegistryEntry::headcount),
			new Column("认证范围", RegistryEntry::scope), new Column("颁证日期", RegistryEntry::issuedOn),
			new Column("初次发证日期", RegistryEntry::firstIssuedOn), new Column("证书到期日期", RegistryEntry::expiresOn),
			new Column("签发人", RegistryEntry::signatory), new Column("审查组长", RegistryEntry::leadAuditor),
			new Column("审查组成员", RegistryEntry::auditTeam), new Column("审查人日", RegistryEntry::auditPersonDays),
			new Column("审查日期", RegistryEntry::auditDate), new Column("申请编号", RegistryEntry::applicationNumber),
			new Column("认证机构", RegistryEntry::certificationBody));

	/**
	 * IAF CertSearch's word for a status (its vocabulary also has inactive, hidden,
	 * pending, deleted: not used).
	 */
	static String iafStatus(CertificateStatus status) {
		return switch (status) {
			case VALID -> "active";
			case SUSPENDED -> "suspended";
			case WITHDRAWN -> "withdrawn";
			case CANCELLED -> "cancelled";
			case EXPIRED -> "expired";
		};
	}

}
