package cn.certflow.document;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a document belongs to: an application (its number), a certificate (its number), a
 * certificate request (change, extension, upgrade, transition…, its id), a corrective
 * action (a nonconformity's answer, its id) or an appeal/complaint case (its number).
 */
public record DocumentOwner(Kind kind, String key) {

	public DocumentOwner {
		if (kind == null || key == null || key.isBlank()) {
			throw new IllegalArgumentException("a document owner needs a kind and a key");
		}
	}

	public static DocumentOwner application(String number) {
		return new DocumentOwner(Kind.APPLICATION, number);
	}

	public static DocumentOwner certificate(String number) {
		return new DocumentOwner(Kind.CERTIFICATE, number);
	}

	public static DocumentOwner request(long id) {
		return new DocumentOwner(Kind.REQUEST, String.valueOf(id));
	}

	public static DocumentOwner correctiveAction(long nonconformityId) {
		return new DocumentOwner(Kind.CORRECTIVE_ACTION, String.valueOf(nonconformityId));
	}

	public static DocumentOwner appealCase(String number) {
		return new DocumentOwner(Kind.CASE, number);
	}

	/**
	 * The staff page of the owner itself, where there is one: an application's case page,
	 * a certificate's page.
	 */
	public Optional<String> ownerPagePath() {
		return switch (this.kind) {
			case APPLICATION -> Optional.of("/staff/cases/" + this.key);
			case CERTIFICATE -> Optional.of("/staff/certificates/" + this.key);
			default -> Optional.empty();
		};
	}

	/**
	 * The staff page's path of one of this owner's documents: opens it in the browser.
	 */
	public String staffPath(long documentId) {
		return staffPath() + "/" + documentId;
	}

	/** The page path of this owner's documents. */
	public String staffPath() {
		return "/staff/documents/" + this.kind.path() + "/" + this.key;
	}

	/** The kinds of owner, with the word the pages use and the path segment. */
	public enum Kind {

		APPLICATION("申请"),

		CERTIFICATE("证书"),

		/**
		 * A certificate request: change, extension, upgrade, transition, suspension… (key
		 * = the request's id).
		 */
		REQUEST("证书申请事项"),

		/**
		 * A nonconformity's answer: correction and corrective action with evidence (key =
		 * the nonconformity's id).
		 */
		CORRECTIVE_ACTION("纠正措施"),

		/** An appeal or a complaint. */
		CASE("申诉/投诉");

		private final String word;

		Kind(String word) {
			this.word = word;
		}

		public String word() {
			return this.word;
		}

		/** How the kind is written in a URL: {@code corrective-action}. */
		public String path() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		/** The kind written as in a URL ({@code corrective-action}) or as its name. */
		public static Optional<Kind> ofPath(String path) {
			return Arrays.stream(values()).filter(k -> k.path().equals(path) || k.name().equals(path)).findFirst();
		}

	}

}
