package cn.certflow.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The CJK font certificates are printed in: WenQuanYi Micro Hei, shipped in the jar
 * (resources/fonts, Apache-2.0, from Debian's fonts-wqy-microhei; see fonts/README.md).
 * TrueType outlines, so PDFBox embeds only the glyphs a document uses, as a Type0 subset
 * with a ToUnicode map (the text stays searchable and extractable).
 */
@Component
class CertificateFont {

	static final String RESOURCE = "fonts/wqy-microhei.ttc";

	static final String FACE = "WenQuanYiMicroHei";

	/** Printed instead of a character the font has no glyph for. */
	static final char MISSING = '□';

	private final byte[] collection;

	CertificateFont() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			this.collection = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Certificate font " + RESOURCE + " is missing from the classpath", ex);
		}
	}

	/**
	 * Opens the font for one document. The parsed font reads glyphs lazily and is not
	 * thread-safe, so each document gets its own; close it after the document is saved
	 * (the subset is built on save).
	 */
	Loaded open(PDDocument document) throws IOException {
		TrueTypeCollection ttc = new TrueTypeCollection(new ByteArrayInputStream(this.collection));
		TrueTypeFont face = ttc.getFontByName(FACE);
		if (face == null) {
			ttc.close();
			throw new IOException("No face " + FACE + " in " + RESOURCE);
		}
		return new Loaded(ttc, PDType0Font.load(document, face, true), face.getUnicodeCmapLookup());
	}

	/** The font of one document, and the collection to close after saving it. */
	record Loaded(TrueTypeCollection collection, PDType0Font font, CmapLookup cmap) implements AutoCloseable {

		/**
		 * The text with any character the font cannot show replaced by {@link #MISSING}.
		 */
		String printable(String text) {
			if (text == null) {
				return "";
			}
			StringBuilder out = new StringBuilder(text.length());
			text.codePoints().forEach(cp -> {
				if (Character.isWhitespace(cp)) {
					out.append(' ');
				}
				else if (this.cmap.getGlyphId(cp) > 0) {
					out.appendCodePoint(cp);
				}
				else {
					out.append(MISSING);
				}
			});
			return out.toString();
		}

		@Override
		public void close() throws IOException {
			this.collection.close();
		}

	}

}
