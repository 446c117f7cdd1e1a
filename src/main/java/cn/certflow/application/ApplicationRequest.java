package cn.certflow.application;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An application for certification (R-APP-1). Field names are the same in the JSON body of
 * {@code POST /api/applications} and in the Tasklist start form, so an error names the same field in both.
 */
public record ApplicationRequest(
		@NotBlank @Size(max = 200) String clientName,
		@NotBlank @Size(max = 500) String clientAddress,
		@NotBlank String creditCode,
		@NotBlank @Size(max = 100) String legalStatus,
		@NotBlank String schemeId,
		@NotNull Integer requestedStars,
		@NotBlank @Pattern(regexp = "\\d{2}\\.\\d{2}", message = "must look like 01.07 (技术领域代码)") String technicalArea,
		@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> categories,
		@NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> sites,
		@NotNull @Min(1) @Max(1_000_000) Integer headcount,
		@NotEmpty @Size(max = 20) List<@NotBlank String> documents) {
}
