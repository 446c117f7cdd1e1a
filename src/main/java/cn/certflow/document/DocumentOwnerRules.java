package cn.certflow.document;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of one kind of document owner, implemented by the package that owns it (the
 * application package for applications, …): whether the owner exists, whether it still
 * takes documents, which documents it must have, and which staff member may see them. The
 * {@code document} package knows no business package; it asks these.
 */
public interface DocumentOwnerRules {

	DocumentOwner.Kind kind();

	/** The owner exists. */
	boolean exists(String key);

	/**
	 * Why the owner takes no more documents (e.g. the application is closed), or empty if
	 * it does.
	 */
	default Optional<String> closedForUploads(String key) {
		return Optional.empty();
	}

	/**
	 * The document types the owner takes; an upload of another type is refused naming the
	 * field {@code type}. Every type unless the owner says otherwise.
	 */
	default Set<DocumentType> allowed(String key) {
		return EnumSet.allOf(DocumentType.class);
	}

	/**
	 * Where Tasklist forms list the owner's documents (issue 18 "Staff side"): the
	 * business key of the processes whose review forms show them, and the owners of the
	 * same kind they show together (the nonconformities of one audit, the open requests
	 * of one certificate), each with a heading or null. Empty: no form lists them.
	 */
	default Optional<FormListing> formListing(String key) {
		return Optional.empty();
	}

	/**
	 * The processes (by business key) whose forms list documents, and the owners listed.
	 */
	record FormListing(String businessKey, List<Listed> owners) {

		/** One owner listed alone, without a heading. */
		public static FormListing of(String businessKey, String key) {
			return new FormListing(businessKey, List.of(new Listed(key, null)));
		}

	}

	/** An owner listed in a form, under its heading (null: none). */
	record Listed(String key, String heading) {
	}

	/** The document types the owner must have (PCEC 6.2 for an application). */
	default Set<DocumentType> mandatory(String key) {
		return Set.of();
	}

	/**
	 * The signed-in staff member's user id if they may see the owner's documents; a
	 * {@link cn.certflow.system.NotFoundException} otherwise (as for an owner that does
	 * not exist).
	 */
	String requireStaffReader(String key);

	/**
	 * The signed-in staff member's user id if they may add documents to the owner; 404 if
	 * they may not see it, 403 if they see it but may not add.
	 */
	String requireStaffUploader(String key);

}
