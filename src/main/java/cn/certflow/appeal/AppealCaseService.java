package cn.certflow.appeal;

import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateService;
import cn.certflow.clock.RegulatoryClock;
import cn.certflow.clock.RegulatoryPeriod;
import cn.certflow.system.AsEngine;
import cn.certflow.system.EngineTime;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.InvalidInputException.FieldProblem;
import cn.certflow.system.NotFoundException;
import cn.certflow.system.NumberAllocator;
import cn.certflow.system.StatusHistory;
import io.holunda.camunda.bpm.data.CamundaBpmData;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an appeal or complaint and starts its {@code appeal-complaint} process
 * (R-APL-1, PCEC 14): everyone involved in the contested matter ({@link ContestedMatter})
 * is named on the case so that they can be kept from deciding it.
 */
@Service
public class AppealCaseService {

	static final int MAX_TEXT = 4000;

	private final CaseRepository cases;

	private final CertificateService certificates;

	private final ApplicationService applications;

	private final ContestedMatter contested;

	private final NumberAllocator numbers;

	private final StatusHistory history;

	private final RuntimeService runtime;

	private final AsEngine asEngine;

	private final RegulatoryClock clock;

	AppealCaseService(CaseRepository cases, CertificateService certificates, ApplicationService applications,
			ContestedMatter contested, NumberAllocator numbers, StatusHistory history, RuntimeService runtime,
			AsEngine asEngine, RegulatoryClock clock) {
		this.cases = cases;
		this.certificates = certificates;
		this.applications = applications;
		this.contested = contested;
		this.numbers = numbers;
		this.history = history;
		this.runtime = runtime;
		this.asEngine = asEngine;
		this.clock = clock;
	}

	/** Body of {@code POST /api/cases}. */
	public record CaseBody(String kind, String certificateNumber, String applicationNumber, String complainant,
			String subject, String description, String complainantEmail) {

		/**
		 * A case without the complainant's e-mail (the complainant is written to by
		 * post).
		 */
		public CaseBody(String kind, String certificateNumber, String applicationNumber, String complainant,
				String subject, String description) {
			this(kind, certificateNumber, applicationNumber, complainant, subject, description, null);
		}

	}

	@Transactional
	public String receive(CaseBody body, String by) {
		List<FieldProblem> problems = new ArrayList<>();
		AppealComplaint.Kind kind = null;
		try {
			kind = AppealComplaint.Kind.valueOf(body.kind());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			problems.add(new FieldProblem("kind", "须为以下之一：" + Arrays.toString(AppealComplaint.Kind.values())));
		}
		required(body.complainant(), "complainant", 200, problems);
		required(body.subject(), "subject", 500, problems);
		if (!blank(body.complainantEmail()) && (body.complainantEmail().length() > 254
				|| !body.complainantEmail().trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			problems.add(new FieldProblem("complainantEmail", "投诉人电子邮箱格式不正确"));
		}
		required(body.description(), "description", MAX_TEXT, problems);
		if (kind == AppealComplaint.Kind.APPEAL && blank(body.certificateNumber()) && blank(body.applicationNumber())) {
			problems.add(new FieldProblem("applicationNumber", "申诉须写明所申诉的证书或申请编号"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String applicationNumber = body.applicationNumber();
		if (!blank(body.certificateNumber())) {
			Certificate certificate = named("certificateNumber",
					() -> this.certificates.get(body.certificateNumber().trim()));
			applicationNumber = this.applications.byId(certificate.applicationId()).number();
		}
		Set<String> involved = new LinkedHashSet<>();
		if (!blank(applicationNumber)) {
			String contested = applicationNumber.trim();
			ApplicationRecord application = named("applicationNumber", () -> this.applications.get(contested));
			involved.addAll(this.contested.involvedIn(application));
		}
		String number = String.format("CASE-%d-%06d", Year.from(EngineTime.today()).getValue(),
				this.numbers.next("CASE"));
		OffsetDateTime due = this.clock.after(EngineTime.now(), RegulatoryPeriod.CASE_ACKNOWLEDGEMENT);
		long id = this.cases.insert(number, kind.name(), blankToNull(body.certificateNumber()),
				blankToNull(applicationNumber), body.complainant().trim(), body.subject().trim(),
				body.description().trim(), String.join(",", involved), by, due);
		if (!blank(body.complainantEmail())) {
			this.cases.complainantEmail(id, body.complainantEmail().trim());
		}
		this.history.record(StatusHistory.Entity.CASE, number, null, "RECEIVED", by,
				kind + ": " + body.subject().trim());
		var variables = CamundaBpmData.builder()
			.set(AppealComplaint.CASE_ID, id)
			.set(AppealComplaint.CASE_NUMBER, number)
			.set(AppealComplaint.KIND, kind.name())
			.set(AppealComplaint.CERTIFICATE_NUMBER, blankToNull(body.certificateNumber()))
			.set(AppealComplaint.APPLICATION_NUMBER, blankToNull(applicationNumber))
			.set(AppealComplaint.COMPLAINANT, body.complainant().trim())
			.set(AppealComplaint.SUBJECT, body.subject().trim())
			.set(AppealComplaint.DESCRIPTION, body.description().trim())
			.set(AppealComplaint.INVOLVED_PERSONS, String.join(",", involved))
			.set(AppealComplaint.ACKNOWLEDGEMENT_DUE_DATE, EngineTime.toDate(due))
			.set(AppealComplaint.CLIENT_AT_FAULT, false)
			.build();
		this.asEngine.run(() -> this.runtime.startProcessInstanceByKey(AppealComplaint.KEY, number, variables));
		return number;
	}

	public CaseRecord get(String number) {
		return this.cases.find(number).orElseThrow(() -> new NotFoundException("No case " + number));
	}

	/**
	 * The appeals and complaints about a certificate, oldest first (the client's
	 * certificate page lists them, issue 18 point 4).
	 */
	public List<CaseRecord> ofCertificate(String certificateNumber) {
		return this.cases.ofCertificate(certificateNumber);
	}

	/**
	 * An unknown certificate or application named in the body: 404 naming the body's
	 * field.
	 */
	private static <T> T named(String field, java.util.function.Supplier<T> lookup) {
		try {
			return lookup.get();
		}
		catch (NotFoundException ex) {
			throw new NotFoundException(field, ex.getMessage());
		}
	}

	private static void required(String value, String field, int max, List<FieldProblem> problems) {
		if (blank(value)) {
			problems.add(new FieldProblem(field, "必填"));
		}
		else if (value.length() > max) {
			problems.add(new FieldProblem(field, "最多 " + max + " 个字符"));
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String blankToNull(String value) {
		return blank(value) ? null : value.trim();
	}

}
