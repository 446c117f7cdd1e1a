package cn.certflow.audit;

/**
 * An audit as stored: the application it belongs to, its type ({@code INITIAL} or a
 * certificate audit's kind) and the outcome of its on-site audit ({@code RECOMMENDED},
 * {@code NOT_RECOMMENDED}, {@code TERMINATED}; null while running).
 */
public record AuditRecord(long id, long applicationId, String type, String outcome) {
}
