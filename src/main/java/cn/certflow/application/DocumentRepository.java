package cn.certflow.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import cn.certflow.system.EngineTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Application documents, kept in the database with their SHA-256 and who uploaded them
 * when.
 */
@Repository
class DocumentRepository {

	record DocumentInfo(long id, DocumentType type, String fileName, String contentType, long sizeBytes, String sha256,
			String uploadedBy, OffsetDateTime uploadedAt) {
	}

	record DocumentContent(DocumentInfo info, byte[] content) {
	}

	private static final String INFO = "select id, document_type, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at from application_document";

	private final JdbcClient jdbc;

	DocumentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	DocumentInfo insert(long applicationId, DocumentType type, String fileName, String contentType, byte[] content,
			String sha256, String uploadedBy) {
		KeyHolder key = new GeneratedKeyHolder();
		OffsetDateTime now = EngineTime.now();
		this.jdbc
			.sql("insert into application_document (application_id, document_type, file_name, content_type,"
					+ " size_bytes, sha256, content, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(applicationId, type.name(), fileName, contentType, content.length, sha256, content, uploadedBy, now)
			.update(key, "id");
		return new DocumentInfo(key.getKey().longValue(), type, fileName, contentType, content.length, sha256,
				uploadedBy, now);
	}

	List<DocumentInfo> list(long applicationId) {
		return this.jdbc.sql(INFO + " where application_id = ? order by id")
			.param(applicationId)
			.query(this::info)
			.list();
	}

	List<DocumentType> uploadedTypes(long applicationId) {
		return list(applicationId).stream().map(DocumentInfo::type).distinct().toList();
	}

	Optional<DocumentContent> get(long applicationId, long documentId) {
		return this.jdbc.sql(INFO.replace(" from", ", content from") + " where application_id = ? and id = ?")
			.params(applicationId, documentId)
			.query((rs, n) -> new DocumentContent(info(rs, n), rs.getBytes("content")))
			.optional();
	}

	private DocumentInfo info(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new DocumentInfo(rs.getLong(1), DocumentType.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
				rs.getLong(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class));
	}

}
