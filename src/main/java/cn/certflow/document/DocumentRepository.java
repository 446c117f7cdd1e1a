package cn.certflow.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import cn.certflow.system.EngineTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Documents of any owner, kept in the database with their SHA-256 and who uploaded them
 * when. A document of an application also keeps the application's id (the file of the
 * application, PCEC 7.12).
 */
@Repository
class DocumentRepository {

	private static final String INFO = "select id, document_type, file_name, content_type, size_bytes, sha256,"
			+ " uploaded_by, uploaded_at, owner_kind, owner_key from document_file";

	private final JdbcClient jdbc;

	DocumentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	DocumentInfo insert(DocumentOwner owner, DocumentType type, String fileName, String contentType, byte[] content,
			String sha256, String uploadedBy) {
		KeyHolder key = new GeneratedKeyHolder();
		OffsetDateTime now = EngineTime.now();
		Long applicationId = (owner.kind() == DocumentOwner.Kind.APPLICATION)
				? this.jdbc.sql("select id from application where number = ?")
					.param(owner.key())
					.query(Long.class)
					.optional()
					.orElse(null)
				: null;
		this.jdbc
			.sql("insert into document_file (owner_kind, owner_key, application_id, document_type, file_name,"
					+ " content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(owner.kind().name(), owner.key(), applicationId, type.name(), fileName, contentType, content.length,
					sha256, content, uploadedBy, now)
			.update(key, "id");
		return new DocumentInfo(key.getKey().longValue(), type, fileName, contentType, content.length, sha256,
				uploadedBy, now);
	}

	List<DocumentInfo> list(DocumentOwner owner) {
		return this.jdbc.sql(INFO + " where owner_kind = ? and owner_key = ? order by id")
			.params(owner.kind().name(), owner.key())
			.query(DocumentRepository::info)
			.list();
	}

	Optional<DocumentContent> get(long documentId) {
		return this.jdbc.sql(INFO.replace(" from", ", content from") + " where id = ?")
			.param(documentId)
			.query((rs, n) -> new DocumentContent(
					new DocumentOwner(DocumentOwner.Kind.valueOf(rs.getString(9)), rs.getString(10)), info(rs, n),
					rs.getBytes("content")))
			.optional();
	}

	private static DocumentInfo info(ResultSet rs, int row) throws SQLException {
		return new DocumentInfo(rs.getLong(1), DocumentType.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
				rs.getLong(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class));
	}

}
