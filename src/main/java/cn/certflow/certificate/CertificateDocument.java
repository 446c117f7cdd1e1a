package cn.certflow.certificate;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;

import cn.certflow.system.EngineTime;
import cn.certflow.system.NotFoundException;
import com.google.zxing.common.BitMatrix;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The certificate as a PDF (R-CERT-1, PCEC 13.1): CB name and mark, title 售后服务认证证书,
 * holder, address, credit code, scope, rule and version, standard, grade, issue date and
 * validity, number, signatory, how to verify it (link and QR code to the public
 * verification page, R-CERT-2), and the revision it is, so that a reissued certificate is
 * told from the one it replaced. Chinese text in an embedded subset of the shipped CJK
 * font.
 */
@Component
class CertificateDocument {

	static final String TITLE = "售后服务认证证书";

	static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年MM月dd日");

	private static final float MARGIN = 56;

	private static final float LABEL_WIDTH = 118;

	private static final Color INK = new Color(0x1a, 0x1a, 0x1a);

	private static final Color ACCENT = new Color(0xa3, 0x1f, 0x24);

	private static final Color MUTED = new Color(0x55, 0x55, 0x55);

	private final CertificateFont fonts;

	private final CertificateService certificates;

	private final String publicBaseUrl;

	private final Signatories signatories;

	CertificateDocument(CertificateFont fonts, CertificateService certificates, Signatories signatories,
			@Value("${certflow.public-base-url}") String publicBaseUrl) {
		this.fonts = fonts;
		this.certificates = certificates;
		this.signatories = signatories;
		this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
	}

	/**
	 * The public verification page of the certificate: what its QR code and link lead to.
	 */
	String verificationUrl(String number) {
		return this.publicBaseUrl + "/verify.html?number=" + URLEncoder.encode(number, StandardCharsets.UTF_8);
	}

	/**
	 * The revision line: 第 N 版, why it was issued, and for a reissue which version it
	 * replaces and since when that one is void (R-CHG-1, R-SUR-3: the replaced revision
	 * is recalled the day the new one is issued).
	 */
	static String revisionMarker(Certificate c, List<CertificateRevision> revisions) {
		if (c.revision() <= 1) {
			return "第 1 版（首次发放）";
		}
		CertificateRevision current = revisions.stream()
			.filter(r -> r.revision() == c.revision())
			.findFirst()
			.orElse(null);
		CertificateRevision replaced = revisions.stream()
			.filter(r -> r.revision() == c.revision() - 1)
			.findFirst()
			.orElse(null);
		return "第 " + c.revision() + " 版" + ((current != null) ? "（" + shortReason(current.reason()) + "）" : "") + "，替代"
				+ ((replaced != null) ? CHINESE_DATE.format(replaced.issuedOn()) + "发放的" : "本证书") + "第 "
				+ (c.revision() - 1) + " 版；原证书自本版发证日期（" + CHINESE_DATE.format(c.issuedOn()) + "）起作废";
	}

	/** The reason's words before any detail: "监督降级 (R-SUR-3…): …" → "监督降级". */
	static String shortReason(String reason) {
		String shortened = reason.split(" ?[（(:：]", 2)[0].trim();
		return shortened.isEmpty() ? reason : shortened;
	}

	static String statusLabel(CertificateStatus status) {
		return switch (status) {
			case VALID -> "有效";
			case SUSPENDED -> "暂停";
			case WITHDRAWN -> "撤销";
			case CANCELLED -> "注销";
			case EXPIRED -> "过期";
		};
	}

	static String stars(int stars) {
		return (stars > 0) ? "★".repeat(stars) : "";
	}

	byte[] render(Certificate c) {
		CertificateStatus status = c.statusOn(EngineTime.today());
		return render(c, (status != CertificateStatus.VALID)
				? "截至" + CHINESE_DATE.format(EngineTime.today()) + "，本证书状态为【" + statusLabel(status) + "】，本文件不证明认证有效。"
				: null);
	}

	/**
	 * An earlier version of the certificate as it was issued, marked void since the day
	 * it was recalled (R-CHG-1, R-SUR-3); the current version as {@link #render}.
	 */
	byte[] render(Certificate current, CertificateRevision revision) {
		if (revision.revision() == current.revision()) {
			return render(current);
		}
		Certificate c = new Certificate(current.number(), current.applicationId(), revision.revision(),
				current.certificationBody(), revision.holderName(), revision.holderAddress(), current.creditCode(),
				revision.scope(), current.scheme(), revision.ruleDocument(), current.standard(), revision.stars(),
				revision.grade(), current.decisionKey(), current.decisionVersion(), current.gradeExplanation(),
				revision.issuedOn(), revision.expiresOn(), current.signatory(), current.status());
		String recalled = (revision.recalledOn() != null) ? CHINESE_DATE.format(revision.recalledOn()) : "新版发放之日";
		return render(c, "本版已于" + recalled + "作废，由第 " + (revision.revision() + 1) + " 版替代，本文件不证明认证有效。");
	}

	private byte[] render(Certificate c, String warning) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			try (CertificateFont.Loaded font = this.fonts.open(document)) {
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					new Layout(content, font, page.getMediaBox(), this.signatories.nameOf(c)).draw(c,
							revisionMarker(c, revisions(c)), verificationUrl(c.number()), warning);
				}
				info(document, c);
				document.save(out);
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot render certificate " + c.number(), ex);
		}
	}

	/** The certificate's recorded revisions; none for one not (yet) in the registry. */
	private List<CertificateRevision> revisions(Certificate c) {
		try {
			return this.certificates.revisions(c.number());
		}
		catch (NotFoundException ex) {
			return List.of();
		}
	}

	private static void info(PDDocument document, Certificate c) {
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle(TITLE + " " + c.number() + " 第" + c.revision() + "版");
		info.setAuthor(c.certificationBody());
		info.setSubject(c.holderName());
		info.setCreator("CertFlow");
		Calendar created = new GregorianCalendar();
		created.setTime(EngineTime.nowDate());
		info.setCreationDate(created);
	}

	/** Draws one certificate page, top to bottom. */
	private static final class Layout {

		private final PDPageContentStream content;

		private final CertificateFont.Loaded font;

		private final PDRectangle box;

		private final String signatory;

		private float y;

		Layout(PDPageContentStream content, CertificateFont.Loaded font, PDRectangle box, String signatory) {
			this.content = content;
			this.font = font;
			this.box = box;
			this.signatory = signatory;
		}

		void draw(Certificate c, String revision, String verificationUrl, String warning) throws IOException {
			frame();
			mark(MARGIN + 34, this.box.getHeight() - MARGIN - 40);
			text(this.box.getWidth() - MARGIN - 20 - width(revisionShort(c), 11), this.box.getHeight() - MARGIN - 34,
					11, ACCENT, revisionShort(c));
			this.y = this.box.getHeight() - MARGIN - 40;
			centered(c.certificationBody(), 15, INK);
			this.y -= 52;
			centered(TITLE, 30, ACCENT);
			this.y -= 20;
			centered("After-sales Service Certification Certificate", 11, MUTED);
			this.y -= 28;
			centered("证书编号：" + c.number(), 13, INK);
			this.y -= 34;

			field("获证组织名称", c.holderName());
			field("统一社会信用代码", c.creditCode());
			field("注册地址", c.holderAddress());
			field("认证范围", c.scope());
			field("认证依据", c.ruleDocument());
			field("认证标准", c.standard() + "《商品售后服务评价体系》");
			field("认证等级", c.grade() + "  " + stars(c.stars()));
			field("发证日期", CHINESE_DATE.format(c.issuedOn()));
			field("有效期", CHINESE_DATE.format(c.issuedOn()) + " 至 " + CHINESE_DATE.format(c.expiresOn()));
			field("签发人", this.signatory);
			field("证书版本", revision);

			this.y -= 8;
			paragraph("经审查，上述组织的售后服务符合认证依据的要求，评定为" + c.grade() + "，特发此证。", 12, INK,
					this.box.getWidth() - 2 * MARGIN - 24);
			paragraph("本证书有效期内，获证组织须接受本机构的年度监督审查，监督审查合格后本证书方持续有效。", 10, MUTED, this.box.getWidth() - 2 * MARGIN - 24);
			if (warning != null) {
				this.y -= 4;
				paragraph(warning, 12, ACCENT, this.box.getWidth() - 2 * MARGIN - 24);
			}
			verification(c, verificationUrl);
		}

		private static String revisionShort(Certificate c) {
			return "第 " + c.revision() + " 版";
		}

		private void frame() throws IOException {
			this.content.setStrokingColor(ACCENT);
			this.content.setLineWidth(2.2f);
			this.content.addRect(MARGIN - 24, MARGIN - 24, this.box.getWidth() - 2 * (MARGIN - 24),
					this.box.getHeight() - 2 * (MARGIN - 24));
			this.content.stroke();
			this.content.setLineWidth(0.6f);
			this.content.addRect(MARGIN - 18, MARGIN - 18, this.box.getWidth() - 2 * (MARGIN - 18),
					this.box.getHeight() - 2 * (MARGIN - 18));
			this.content.stroke();
		}

		/** The certification body's mark, drawn as a vector seal (认证 / CERT). */
		private void mark(float cx, float cy) throws IOException {
			this.content.setStrokingColor(ACCENT);
			this.content.setLineWidth(1.8f);
			circle(cx, cy, 26);
			this.content.setLineWidth(0.6f);
			circle(cx, cy, 22);
			text(cx - width("认证", 13) / 2, cy - 1, 13, ACCENT, "认证");
			text(cx - width("CERT", 7) / 2, cy - 11, 7, ACCENT, "CERT");
		}

		private void circle(float cx, float cy, float r) throws IOException {
			float k = 0.552284749831f * r;
			this.content.moveTo(cx + r, cy);
			this.content.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
			this.content.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
			this.content.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
			this.content.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
			this.content.closePath();
			this.content.stroke();
		}

		private void verification(Certificate c, String url) throws IOException {
			float size = 96;
			float qrX = this.box.getWidth() - MARGIN - size;
			float qrY = MARGIN + 8;
			qr(url, qrX, qrY, size);
			float textWidth = qrX - MARGIN - 16;
			float top = qrY + size - 4;
			this.y = top;
			paragraphAt(MARGIN, "证书查询：扫描右侧二维码，或访问", 10, INK, textWidth);
			paragraphAt(MARGIN, url, 9, INK, textWidth);
			paragraphAt(MARGIN, "也可在国家认证认可监督管理委员会网站（www.cnca.gov.cn）查询本证书信息。", 10, INK, textWidth);
			this.y -= 6;
			paragraphAt(MARGIN, c.certificationBody() + "（盖章）", 11, INK, textWidth);
			paragraphAt(MARGIN, "签发人：" + this.signatory + "    发证日期：" + CHINESE_DATE.format(c.issuedOn()), 10, MUTED,
					textWidth);
		}

		/**
		 * The QR code as black vector squares, one per dark module (crisp at any zoom,
		 * decodable when printed).
		 */
		private void qr(String url, float x, float y, float size) throws IOException {
			BitMatrix modules = VerificationQrCode.modules(url);
			float module = size / modules.getWidth();
			this.content.setNonStrokingColor(Color.BLACK);
			for (int row = 0; row < modules.getHeight(); row++) {
				for (int col = 0; col < modules.getWidth(); col++) {
					if (modules.get(col, row)) {
						this.content.addRect(x + col * module, y + size - (row + 1) * module, module, module);
					}
				}
			}
			this.content.fill();
		}

		private void field(String label, String value) throws IOException {
			float valueX = MARGIN + LABEL_WIDTH;
			float width = this.box.getWidth() - MARGIN - valueX;
			text(MARGIN + 8, this.y, 11, MUTED, label + "：");
			List<String> lines = wrap(value, 12, width);
			for (String line : lines) {
				text(valueX, this.y, 12, INK, line);
				this.y -= 19;
			}
			this.y -= 3;
		}

		private void centered(String text, float size, Color color) throws IOException {
			text((this.box.getWidth() - width(text, size)) / 2, this.y, size, color, text);
		}

		private void paragraph(String text, float size, Color color, float width) throws IOException {
			paragraphAt(MARGIN + 8, text, size, color, width);
		}

		private void paragraphAt(float x, String text, float size, Color color, float width) throws IOException {
			for (String line : wrap(text, size, width)) {
				text(x, this.y, size, color, line);
				this.y -= size * 1.55f;
			}
		}

		private void text(float x, float y, float size, Color color, String text) throws IOException {
			this.content.beginText();
			this.content.setFont(this.font.font(), size);
			this.content.setNonStrokingColor(color);
			this.content.newLineAtOffset(x, y);
			this.content.showText(this.font.printable(text));
			this.content.endText();
		}

		private float width(String text, float size) throws IOException {
			return this.font.font().getStringWidth(this.font.printable(text)) / 1000 * size;
		}

		/**
		 * Lines of at most {@code width}: CJK characters may break anywhere, Latin words
		 * and numbers stay whole unless longer than a line.
		 */
		private List<String> wrap(String text, float size, float width) throws IOException {
			PDType0Font pdf = this.font.font();
			List<String> lines = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			for (String token : tokens(this.font.printable(text))) {
				String candidate = line + token;
				if (pdf.getStringWidth(candidate) / 1000 * size <= width || line.isEmpty()) {
					line.append(token);
				}
				else {
					lines.add(line.toString().stripTrailing());
					line = new StringBuilder(token.isBlank() ? "" : token);
				}
				while (pdf.getStringWidth(line.toString()) / 1000 * size > width && line.length() > 1) {
					int cut = line.length() - 1;
					while (cut > 1 && pdf.getStringWidth(line.substring(0, cut)) / 1000 * size > width) {
						cut--;
					}
					lines.add(line.substring(0, cut));
					line = new StringBuilder(line.substring(cut));
				}
			}
			if (!line.isEmpty() || lines.isEmpty()) {
				lines.add(line.toString());
			}
			return lines;
		}

		/**
		 * Each CJK character alone, runs of other non-space characters together, spaces
		 * alone.
		 */
		private static List<String> tokens(String text) {
			List<String> tokens = new ArrayList<>();
			StringBuilder word = new StringBuilder();
			text.codePoints().forEach(cp -> {
				boolean wordChar = !Character.isWhitespace(cp) && cp < 0x2E80;
				if (wordChar) {
					word.appendCodePoint(cp);
					return;
				}
				if (!word.isEmpty()) {
					tokens.add(word.toString());
					word.setLength(0);
				}
				tokens.add(new String(Character.toChars(cp)));
			});
			if (!word.isEmpty()) {
				tokens.add(word.toString());
			}
			return tokens;
		}

	}

}
