package cn.certflow.application;

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
 * The documents of an application (PCEC 6.2, ZHHT 5.1): the application takes documents
 * until it is closed; the scheme's list is mandatory; the application's team sees them
 * (as the application record), reviewers and administrators add them.
 */
@Component
class ApplicationDocuments implements DocumentOwnerRules {

	private final ApplicationRepository applications;

	private final ApiAccess access;

	ApplicationDocuments(ApplicationRepository applications, ApiAccess access) {
		this.applications = applications;
		this.access = access;
	}

	@Override
	public DocumentOwner.Kind kind() {
		return DocumentOwner.Kind.APPLICATION;
	}

	@Override
	public boolean exists(String number) {
		return this.applications.find(number).isPresent();
	}

	@Override
	public Set<DocumentType> allowed(String number) {
		return DocumentType.clientFile();
	}

	@Override
	public Optional<String> closedForUploads(String number) {
		ApplicationRecord application = this.applications.get(number);
		return application.status().isFinal()
				? Optional.of("申请 " + number + " 已结束（" + application.status() + "），不再接收文件") : Optional.empty();
	}

	@Override
	public Set<DocumentType> mandatory(String number) {
		String scheme = this.applications.get(number).schemeId();
		Set<DocumentType> mandatory = EnumSet.noneOf(DocumentType.class);
		for (DocumentType type : DocumentType.values()) {
			if (type.mandatoryFor(scheme)) {
				mandatory.add(type);
			}
		}
		return mandatory;
	}

	/** The review forms of the application's own processes (business key = number). */
	@Override
	public Optional<FormListing> formListing(String number) {
		return Optional.of(FormListing.of(number, number));
	}

	@Override
	public String requireStaffReader(String number) {
		return this.access.requireApplication(number);
	}

	@Override
	public String requireStaffUploader(String number) {
		this.access.requireApplication(number);
		return this.access.requireAnyGroup(Groups.REVIEWERS, Groups.ADMINS);
	}

}
