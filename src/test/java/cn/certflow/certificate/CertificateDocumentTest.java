package cn.certflow.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import cn.certflow.support.EngineClock;
import cn.certflow.surveillance.CertificateAudit;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The certificate PDF (R-CERT-1, PCEC 13.1) as staff download it: every field read back
 * by PDFBox text extraction, the CJK font embedded as a TrueType subset, the QR code
 * decoded by ZXing from the rendered page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class CertificateDocumentTest {

	@RegisterExtension
	final EngineClock clock = new EngineClock();

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProcessEngine engine;

	@Autowired
	CertifiedClients clients;

	@Autowired
	CertificateDocument document;

	@Autowired
	LifecycleDriver lifecycle;

	@Autowired
	CertificateService certificates;

	@Autowired
	IdentityService identity;

	@Value("${certflow.public-base-url}")
	String publicBaseUrl;

	@Test
	void shouldPrintEveryPcecField_inChinese_extractableFromThePdf() throws IOException {
		// R-CERT-1: CB name, title, holder, address, credit code, scope, rule and
		// version, standard, dates,
		// number, signatory, how to verify, grade
		ApplicationRequest request = CertificationDriver.request("PCEC", 4, 120);
		Certificate certificate = this.clients.certify(request, 0);

		ResponseEntity<byte[]> response = this.http.withBasicAuth("reviewer", "reviewer")
			.getForEntity("/api/certificates/" + certificate.number() + "/document.pdf", byte[].class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
		assertThat(response.getHeaders().getContentDisposition().getFilename())
			.isEqualTo(certificate.number() + "-v1.pdf");
		try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
			keepForLooking(pdf, response.getBody());
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			String text = new PDFTextStripper().getText(pdf);
			String compact = text.replaceAll("\\s+", "");
			assertThat(text).contains("售后服务认证证书", "中创新海（天津）认证服务有限公司", "证书编号：" + certificate.number(), "获证组织名称：",
					"天津某某电器服务有限公司", "统一社会信用代码：", request.creditCode(), "注册地址：", "天津市红桥区丁字沽三号路85号", "认证范围：",
					"01.07 机械和设备制造业服务", "认证依据：", "ZCXH/XZ-19-2025", "认证标准：", "GB/T 27922-2011《商品售后服务评价体系》", "认证等级：",
					"四星级  ★★★★", "发证日期：", "2026年03月10日", "有效期：", "2026年03月10日 至 2029年03月09日", "签发人：刘洋", "第 1 版（首次发放）",
					"评定为四星级，特发此证");
			assertThat(compact).as("how to verify it: the link printed in full")
				.contains(this.publicBaseUrl + "/verify.html?number=" + certificate.number())
				.contains("www.cnca.gov.cn");
			assertThat(text).as("a valid certificate carries no status warning").doesNotContain("本文件不证明认证有效");

			PDType0Font font = onlyFont(pdf.getPage(0).getResources());
			assertThat(font.isEmbedded()).isTrue();
			assertThat(font.getDescendantFont()).isInstanceOf(PDCIDFontType2.class);
			assertThat(font.getName()).as("a subset (tag+name) of the shipped TrueType font")
				.matches("[A-Z]{6}\\+WenQuanYiMicroHei");
			assertThat(response.getBody().length).as("only the glyphs used are embedded").isLessThan(150_000);
		}
	}

	@Test
	void shouldCarryAQrCodeThatDecodesToThePublicVerificationPage() throws Exception {
		// R-CERT-1 "how to verify it", R-CERT-2: the QR code leads to the public lookup
		// of this certificate
		Certificate certificate = this.clients.certify(CertificationDriver.request("PCEC", 3, 40), 12);

		byte[] pdf = this.http.withBasicAuth("manager", "manager")
			.getForEntity("/api/certificates/" + certificate.number() + "/document.pdf", byte[].class)
			.getBody();

		assertThat(decodeQr(pdf)).isEqualTo(this.publicBaseUrl + "/verify.html?number=" + certificate.number());
	}

	@Test
	void shouldTellAReissueFromTheCertificateItReplaces() throws IOException {
		// R-SUR-3 / R-CHG-1 (4): a surveillance at 88 points downgrades 四星级 to 三星级 by a
		// reissue; each PDF says
		// which revision it is, and the reissue which one it replaces and since when that
		// one is void
		String number = this.lifecycle.certify(4, 0);
		byte[] original = pdf(number);
		this.lifecycle.moveTo(LocalDate.of(2027, 1, 9));
		this.lifecycle.plan(number);
		this.lifecycle.audit(number, 12);
		this.lifecycle.decide(number, CertificateAudit.DOWNGRADE, null);

		String first = text(original);
		String reissue = text(pdf(number)).replaceAll("\\s+", "");

		assertThat(first).contains("第 1 版（首次发放）", "四星级  ★★★★").doesNotContain("替代");
		assertThat(reissue).contains("第2版（监督降级），", "替代2026年03月10日发放的第1版；原证书自本版发证日期（2027年01月09日）起作废", "三星级★★★",
				"发证日期：2027年01月09日");
	}

	@Test
	void shouldNameTheSignatoryByTheirNameNeverByTheirLoginId() throws IOException {
		// issue 15 point 3, PCEC 13.1: the 签发人 is a person; the record keeps who decided
		// (the login id)
		Certificate certificate = this.clients.certify(CertificationDriver.request("PCEC", 3, 40), 12);
		assertThat(certificate.signatory()).as("the record").isEqualTo("decider");

		String printed = text(this.document.render(certificate));
		assertThat(printed).contains("签发人：刘洋", "签发人：刘洋    发证日期").doesNotContain("decider");

		User anna = this.identity.newUser("ameyer");
		anna.setFirstName("Anna");
		anna.setLastName("Meyer");
		this.identity.saveUser(anna);
		assertThat(text(this.document.render(signedBy(certificate, "ameyer")))).contains("签发人：Anna Meyer")
			.doesNotContain("ameyer");
	}

	@Test
	void shouldNameTheCertificationBodyWhenTheSignatoryHasNoName() throws IOException {
		Certificate certificate = this.clients.certify(CertificationDriver.request("PCEC", 3, 40), 12);
		User unnamed = this.identity.newUser("jdoe");
		unnamed.setFirstName("jdoe");
		this.identity.saveUser(unnamed);

		for (String signatory : new String[] { "jdoe", "gone-user" }) {
			assertThat(text(this.document.render(signedBy(certificate, signatory)))).as(signatory)
				.contains("签发人：中创新海（天津）认证服务有限公司")
				.doesNotContain(signatory);
		}
	}

	private static Certificate signedBy(Certificate c, String signatory) {
		return new Certificate(c.number(), c.applicationId(), c.revision(), c.certificationBody(), c.holderName(),
				c.holderAddress(), c.creditCode(), c.scope(), c.scheme(), c.ruleDocument(), c.standard(), c.stars(),
				c.grade(), c.decisionKey(), c.decisionVersion(), c.gradeExplanation(), c.issuedOn(), c.expiresOn(),
				signatory, c.status());
	}

	@Test
	void shouldMarkACertificateThatIsNoLongerValid() throws IOException {
		// R-CERT-2: a suspended or expired certificate must never pass as valid, on paper
		// either
		Certificate valid = this.clients.certify(CertificationDriver.request("PCEC", 3, 40), 12);
		Certificate suspended = new Certificate(valid.number(), valid.applicationId(), valid.revision(),
				valid.certificationBody(), valid.holderName(), valid.holderAddress(), valid.creditCode(), valid.scope(),
				valid.scheme(), valid.ruleDocument(), valid.standard(), valid.stars(), valid.grade(),
				valid.decisionKey(), valid.decisionVersion(), valid.gradeExplanation(), valid.issuedOn(),
				valid.expiresOn(), valid.signatory(), CertificateStatus.SUSPENDED);

		assertThat(text(this.document.render(suspended))).contains("截至2026年03月10日，本证书状态为【暂停】，本文件不证明认证有效。");
		this.clock
			.moveTo(Date.from(LocalDateTime.of(2029, 3, 10, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
		assertThat(text(this.document.render(valid))).contains("本证书状态为【过期】");
	}

	@Test
	void shouldRenderCharactersBeyondGb2312AndMarkOnesTheFontLacks() throws IOException {
		// client names may use GBK characters outside GB 2312 (堃, 喆); a character with no
		// glyph shows as □
		Certificate c = this.clients.certify(CertificationDriver.request("PCEC", 3, 40), 12);
		Certificate rare = new Certificate(c.number(), c.applicationId(), c.revision(), c.certificationBody(),
				"天津堃喆服务有限公司\uD840\uDC00", c.holderAddress(), c.creditCode(), c.scope(), c.scheme(), c.ruleDocument(),
				c.standard(), c.stars(), c.grade(), c.decisionKey(), c.decisionVersion(), c.gradeExplanation(),
				c.issuedOn(), c.expiresOn(), c.signatory(), c.status());

		assertThat(text(this.document.render(rare))).contains("天津堃喆服务有限公司□");
	}

	@Test
	void shouldServeTheDocumentToStaffOnly() {
		Certificate certificate = this.clients.certify(CertificationDriver.request("PCEC", 3, 40), 12);
		String path = "/api/certificates/" + certificate.number() + "/document.pdf";

		assertThat(this.http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.http.withBasicAuth("reviewer", "reviewer")
			.getForEntity("/api/certificates/PCEC-1900-000000/document.pdf", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	/**
	 * target/documents/certificate.pdf and .png, for a person to look at (the CI keeps
	 * target/).
	 */
	static void keepForLooking(PDDocument pdf, byte[] bytes) throws IOException {
		Path dir = Files.createDirectories(Path.of("target", "documents"));
		Files.write(dir.resolve("certificate.pdf"), bytes);
		ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(0, 110, ImageType.RGB), "png",
				dir.resolve("certificate.png").toFile());
	}

	static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	/**
	 * The QR code read back from the page as a printer would put it on paper (150 dpi,
	 * greyscale).
	 */
	static String decodeQr(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
			int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
			BinaryBitmap bitmap = new BinaryBitmap(
					new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
			Result result = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
			return result.getText();
		}
	}

	private byte[] pdf(String number) {
		ResponseEntity<byte[]> response = this.http.withBasicAuth("reviewer", "reviewer")
			.getForEntity("/api/certificates/" + number + "/document.pdf", byte[].class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private static PDType0Font onlyFont(PDResources resources) throws IOException {
		List<PDFont> fonts = new ArrayList<>();
		for (COSName name : resources.getFontNames()) {
			fonts.add(resources.getFont(name));
		}
		assertThat(fonts).hasSize(1).allSatisfy(f -> assertThat(f).isInstanceOf(PDType0Font.class));
		return (PDType0Font) fonts.get(0);
	}

}
