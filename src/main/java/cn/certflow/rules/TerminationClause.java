package cn.certflow.rules;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * R-AUD-2, PCEC 8.2.5 (1)–(8): the only grounds on which an on-site audit may be
 * terminated. A termination proposed by an auditor by hand must name one of them; the
 * server checks it (the form's select alone is not enough).
 */
public enum TerminationClause {

	/** 客户严重违反法律法规而未采取相应整改措施的. */
	LEGAL_VIOLATION("(1)", "客户严重违反法律法规而未采取相应整改措施"),
	/** 出现重大事故事件、抱怨而受到政府处罚的. */
	GOVERNMENT_PENALTY("(2)", "出现重大事故事件、抱怨而受到政府处罚"),
	/** 现场出现严重事故事件导致现场审查无法继续进行的. */
	SERIOUS_INCIDENT("(3)", "现场出现严重事故事件导致现场审查无法继续进行"),
	/** 现场无认证范围内服务活动的. */
	NO_SERVICE_ACTIVITY("(4)", "现场无认证范围内服务活动"),
	/** 企业不配合，导致认证活动无法进行的. */
	NO_COOPERATION("(5)", "企业不配合，导致认证活动无法进行"),
	/** 不可抗力导致审查无法继续进行的. */
	FORCE_MAJEURE("(6)", "不可抗力导致审查无法继续进行"),
	/** 企业实际情况与申请材料有重大不一致. */
	MATERIAL_DIFFERENCE("(7)", "企业实际情况与申请材料有重大不一致"),
	/** 其他导致认证程序无法完成的情况. */
	OTHER("(8)", "其他导致认证程序无法完成的情况");

	private final String code;

	private final String text;

	TerminationClause(String code, String text) {
		this.code = code;
		this.text = text;
	}

	/** The item number as the clause writes it, e.g. {@code (4)}. */
	public String code() {
		return this.code;
	}

	/** The wording of the item in PCEC 8.2.5. */
	public String text() {
		return this.text;
	}

	/** The item codes (1)–(8), the only values a proposal may name. */
	public static Set<String> codes() {
		return Arrays.stream(values()).map(TerminationClause::code).collect(Collectors.toUnmodifiableSet());
	}

	/** The item named by its code, {@code (4)} or {@code 8.2.5(4)}; empty otherwise. */
	public static Optional<TerminationClause> of(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String item = code.strip().replaceFirst("^(PCEC\\s*)?8\\.2\\.5\\s*", "");
		return Arrays.stream(values()).filter(clause -> clause.code.equals(item)).findFirst();
	}

}
