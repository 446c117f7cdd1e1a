package cn.certflow.document;

import cn.certflow.system.InvalidInputException;

/**
 * The name a document is kept and handed out under (issue 15.6): the client's file name
 * without any path (a {@code ../} or {@code C:\} part), without control characters (CR,
 * LF, NUL…) and without the Unicode bidirectional controls (U+202A–U+202E, U+2066–U+2069,
 * and the marks U+200E, U+200F, U+061C) that make {@code invoice‮fdp.exe} look like
 * {@code invoiceexe.pdf}; no leading dots; ending in the extension of the format the
 * bytes really are (a PDF uploaded as {@code x.html} is kept as {@code x.html.pdf}); at
 * most {@link #MAX_LENGTH} characters. Nothing of the name is lost that a reader needs:
 * the type of document and its SHA-256 identify it.
 */
final class DocumentFileName {

	static final int MAX_LENGTH = 255;

	private DocumentFileName() {
	}

	/**
	 * Refuses (field {@code file}) a name that is empty, too long, or carries a path or
	 * control characters: a browser sends the bare name, so such a name is a forged or
	 * broken upload (issue 18).
	 */
	static void check(String fileName) {
		if (fileName == null || fileName.isBlank() || fileName.length() > MAX_LENGTH) {
			throw new InvalidInputException("file", "需要文件名，最多 " + MAX_LENGTH + " 个字符");
		}
		if (fileName.indexOf('/') >= 0 || fileName.indexOf('\\') >= 0) {
			throw new InvalidInputException("file", "文件名不得含路径分隔符（/ 或 \\）：" + printable(fileName));
		}
		if (fileName.codePoints().anyMatch(DocumentFileName::isControl)) {
			throw new InvalidInputException("file", "文件名不得含控制字符：" + printable(fileName));
		}
		if (fileName.strip().replace(".", "").isEmpty()) {
			throw new InvalidInputException("file", "文件名无效：" + fileName);
		}
	}

	private static String printable(String fileName) {
		StringBuilder kept = new StringBuilder();
		fileName.codePoints().forEach(c -> {
			if (isControl(c)) {
				kept.append(String.format("\\u%04X", c));
			}
			else {
				kept.appendCodePoint(c);
			}
		});
		return kept.toString();
	}

	/**
	 * The clean name; {@code format} null: the format is unknown and the extension left
	 * as it is.
	 */
	static String clean(String fileName, DocumentFormat format, DocumentType type) {
		String name = (fileName != null) ? fileName : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder kept = new StringBuilder(name.length());
		name.codePoints().filter(c -> !isControl(c)).forEach(kept::appendCodePoint);
		name = kept.toString().strip();
		while (name.startsWith(".")) {
			name = name.substring(1).strip();
		}
		if (name.isEmpty()) {
			name = type.name().toLowerCase(java.util.Locale.ROOT);
		}
		String extension = (format == null || format.isExtensionOf(name)) ? "" : "." + format.extension();
		int room = MAX_LENGTH - extension.length();
		if (name.length() > room) {
			int end = room;
			if (Character.isLowSurrogate(name.charAt(end)) && end > 0) {
				end--;
			}
			name = name.substring(0, end);
		}
		return name + extension;
	}

	private static boolean isControl(int c) {
		return Character.getType(c) == Character.CONTROL || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
				|| c == 0x200E || c == 0x200F || c == 0x061C;
	}

}
