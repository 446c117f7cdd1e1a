package cn.certflow.impartiality;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/conflicts}: a relationship with a client. {@code userId}
 * defaults to the caller; only administrators declare for someone else.
 */
record DeclarationRequest(@Size(max = 100) String userId, @NotBlank String creditCode,
		@Size(max = 200) String clientName, @NotNull Relationship relationship, @Size(max = 2000) String description,
		@NotNull LocalDate startedOn, LocalDate endedOn) {
}
