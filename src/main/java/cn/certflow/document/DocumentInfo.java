package cn.certflow.document;

import java.time.OffsetDateTime;

/**
 * A stored document as listed (the JSON of {@code /api/applications/{n}/documents}): its
 * type, the clean name, the type its bytes are, size, SHA-256, who uploaded it and when.
 */
public record DocumentInfo(long id, DocumentType type, String fileName, String contentType, long sizeBytes,
		String sha256, String uploadedBy, OffsetDateTime uploadedAt) {
}
