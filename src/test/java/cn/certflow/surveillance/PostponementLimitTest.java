package cn.certflow.surveillance;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import cn.certflow.system.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-SUR-1: an annual surveillance may be postponed to a date after today and at most its
 * latest date (due + 3 months); nothing else may be postponed. PCEC 10.1, 10.3: what a
 * surveillance plan covers.
 */
class PostponementLimitTest {

	private static final LocalDate TODAY = LocalDate.of(2027, 3, 10);

	private static final Surveillance DUE_IN_APRIL = new Surveillance(7, "CF-PCEC-2026-000001",
			LocalDate.of(2026, 4, 1), 1, LocalDate.of(2027, 4, 1), LocalDate.of(2027, 7, 1), "OPEN", null, null, null,
			null, null, null, null, null);

	@Test
	@DisplayName("R-SUR-1: a postponement up to the latest date is accepted, one day later refused naming it")
	void shouldAcceptAPostponementUpToTheLatestDateOnly() {
		assertThatNoException()
			.isThrownBy(() -> PostponementLimit.withinLimit(LocalDate.of(2027, 7, 1), TODAY, DUE_IN_APRIL));
		assertThatThrownBy(() -> PostponementLimit.withinLimit(LocalDate.of(2027, 7, 2), TODAY, DUE_IN_APRIL))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("at most 2027-07-01")
			.hasMessageContaining(CertificateAudit.POSTPONED_TO.getName());
		assertThatThrownBy(() -> PostponementLimit.withinLimit(TODAY, TODAY, DUE_IN_APRIL))
			.hasMessageContaining("must be after today");
	}

	@Test
	@DisplayName("R-SUR-1: only an annual surveillance not yet planned may be postponed")
	void shouldPostponeOnlyAnAnnualSurveillance() {
		assertThatNoException()
			.isThrownBy(() -> PostponementLimit.postponable(CertificateAudit.Kind.SURVEILLANCE, DUE_IN_APRIL));
		assertThatThrownBy(() -> PostponementLimit.postponable(CertificateAudit.Kind.SPECIAL, DUE_IN_APRIL))
			.hasMessageContaining("only an annual surveillance may be postponed (R-SUR-1)");
		assertThatThrownBy(() -> PostponementLimit.postponable(CertificateAudit.Kind.SURVEILLANCE, null))
			.hasMessageContaining(CertificateAudit.PLAN_DECISION.getName());
	}

	@Test
	@DisplayName("PCEC 10.3: a multi-site client needs one of its sites sampled; a single site needs none")
	void shouldNeedOneRepresentativeSiteOfAMultiSiteClient() {
		CertificateAudit.Kind surveillance = CertificateAudit.Kind.SURVEILLANCE;
		List<String> two = List.of("上海总部", "苏州工厂");
		assertThatNoException()
			.isThrownBy(() -> SurveillanceScope.sampledSite(surveillance, List.of("上海总部"), List.of(), null));
		assertThatNoException().isThrownBy(() -> SurveillanceScope.sampledSite(surveillance, two, List.of(), " 苏州工厂 "));
		assertThatThrownBy(() -> SurveillanceScope.sampledSite(surveillance, two, List.of(), "杭州"))
			.hasMessageContaining("PCEC 10.3")
			.hasMessageContaining(CertificateAudit.SAMPLED_SITE.getName());
		// each site once per cycle: the site not yet visited comes first
		assertThatThrownBy(() -> SurveillanceScope.sampledSite(surveillance, two, List.of("苏州工厂"), "苏州工厂"))
			.hasMessageContaining("上海总部");
		assertThatNoException()
			.isThrownBy(() -> SurveillanceScope.sampledSite(surveillance, two, List.of("苏州工厂", "上海总部"), "苏州工厂"));
		// an audit as initial (change, recertification) covers the client as a whole
		assertThatNoException()
			.isThrownBy(() -> SurveillanceScope.sampledSite(CertificateAudit.Kind.CHANGE, two, List.of(), null));
	}

	@Test
	@DisplayName("PCEC 10.1: a surveillance covers nonconformity follow-up and certificate and mark use")
	void shouldCoverFollowUpAndMarkUseInASurveillance() {
		assertThatNoException().isThrownBy(() -> SurveillanceScope.content(CertificateAudit.Kind.SURVEILLANCE,
				List.of("NC_FOLLOW_UP", "CERTIFICATE_AND_MARK_USE")));
		assertThatNoException()
			.isThrownBy(() -> SurveillanceScope.content(CertificateAudit.Kind.RECERTIFICATION, List.of()));
		assertThatThrownBy(() -> SurveillanceScope.content(CertificateAudit.Kind.SPECIAL, List.of("NC_FOLLOW_UP")))
			.hasMessageContaining("(PCEC 10.1)");
	}

}
