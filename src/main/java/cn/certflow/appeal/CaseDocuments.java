package cn.certflow.appeal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import cn.certflow.document.DocumentOwner;
import cn.certflow.document.DocumentOwnerRules;
import cn.certflow.document.DocumentType;
import cn.certflow.security.ApiAccess;
import cn.certflow.security.Groups;
import org.springframework.stereotype.Component;

/**
 * The material of an appeal or a complaint (issue 18, R-APL-1; key = the case number):
 * taken until the case is closed; seen by whoever may see the case
 * ({@link ApiAccess#requireCase}: not the persons it is about), added by reviewers, who
 * receive cases, quality managers, who decide them, and administrators.
 */
@Component
class CaseDocuments implements DocumentOwnerRules {

	private static final Set<DocumentType> ALLOWED = EnumSet.of(DocumentType.CASE_MATERIAL, DocumentType.OTHER);

	private final CaseRepository cases;

	private final ApiAccess access;

	CaseDocuments(CaseRepository cases, ApiAccess access) {
		this.cases = cases;
		this.access = access;
	}

	@Override
	public DocumentOwner.Kind kind() {
		return DocumentOwner.Kind.CASE;
	}

	@Override
	public boolean exists(String number) {
		return this.cases.find(number).isPresent();
	}

	@Override
	public Set<DocumentType> allowed(String number) {
		return ALLOWED;
	}

	@Override
	public Optional<String> closedForUploads(String number) {
		return this.cases.find(number)
			.filter((c) -> "CLOSED".equals(c.status()))
			.map((c) -> "申诉/投诉 " + number + " 已关闭，不再接收文件");
	}

	/** The case's own process (business key = case number). */
	@Override
	public Optional<FormListing> formListing(String number) {
		return Optional.of(FormListing.of(number, number));
	}

	@Override
	public String requireStaffReader(String number) {
		return this.access.requireCase(number);
	}

	@Override
	public String requireStaffUploader(String number) {
		this.access.requireCase(number);
		return this.access.requireAnyGroup(Groups.REVIEWERS, Groups.QUALITY_MANAGERS, Groups.ADMINS);
	}

}
