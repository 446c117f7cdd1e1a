package cn.certflow.notification;

/**
 * What a notice is about, which decides whose inbox it lands in: an application, a
 * certificate (the holder's client and the certificate's application), an appeal or
 * complaint case; and, for a third-party complainant without an account, the e-mail
 * address to write to.
 */
public record NoticeTo(Long applicationId, String applicationNumber, String certificateNumber, String caseNumber,
		String email) {

	public static NoticeTo application(String number) {
		return new NoticeTo(null, number, null, null, null);
	}

	/** The application by its id (as audits and certificates keep it). */
	public static NoticeTo applicationId(long id) {
		return new NoticeTo(id, null, null, null, null);
	}

	public static NoticeTo certificate(String number) {
		return new NoticeTo(null, null, number, null, null);
	}

	/**
	 * A case (its number is the business key of its process, whose mail step sends the
	 * notice at once), about an application or a certificate if the case names one, to
	 * the complainant's e-mail if given.
	 */
	public static NoticeTo caseOf(String caseNumber, String applicationNumber, String certificateNumber, String email) {
		return new NoticeTo(null, applicationNumber, certificateNumber, caseNumber, blankToNull(email));
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
