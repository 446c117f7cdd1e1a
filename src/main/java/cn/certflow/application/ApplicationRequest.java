package cn.certflow.application;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An application for certification (R-APP-1). Field names are the same in the JSON body
 * of {@code POST /api/applications} and in the Tasklist start form, so an error names the
 * same field in both. {@code contactEmail} is optional: where the client gave one,
 * notices (rejection, refusal, certificate) are e-mailed to it; without one they are kept
 * as not sent, for a letter by post.
 */
public record ApplicationRequest(@NotBlank @Size(max = 200) String clientName,
		@NotBlank @Size(max = 500) String clientAddress, @NotBlank String creditCode,
		@NotBlank @Size(max = 100) String legalStatus, @NotBlank String schemeId, @NotNull Integer requestedStars,
		@NotBlank @Pattern(regexp = "\\d{2}\\.\\d{2}", message = "must look like 01.07 (技术领域代码)") String technicalArea,
		@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> categories,
		@NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> sites,
		@NotNull @Min(1) @Max(1_000_000) Integer headcount, @NotEmpty @Size(max = 20) List<@NotBlank String> documents,
		@Size(max = 254) @Email(regexp = EMAIL,
				message = "must be an e-mail address such as service@example.com") String contactEmail) {

	/** Local part, @, a domain with at least one dot; no spaces. */
	static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

	/** An application without a contact e-mail. */
	public ApplicationRequest(String clientName, String clientAddress, String creditCode, String legalStatus,
			String schemeId, Integer requestedStars, String technicalArea, List<String> categories, List<String> sites,
			Integer headcount, List<String> documents) {
		this(clientName, clientAddress, creditCode, legalStatus, schemeId, requestedStars, technicalArea, categories,
				sites, headcount, documents, null);
	}

	/** The same application with this contact e-mail. */
	public ApplicationRequest withContactEmail(String email) {
		return new ApplicationRequest(this.clientName, this.clientAddress, this.creditCode, this.legalStatus,
				this.schemeId, this.requestedStars, this.technicalArea, this.categories, this.sites, this.headcount,
				this.documents, email);
	}

}
