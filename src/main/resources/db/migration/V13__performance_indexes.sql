-- Indexes the benchmark harness asked for (issue 8, bench/harness, growth scenario; figures in docs/PERFORMANCE.md):
-- queries of the certification steps that look rows up by a column without an index. PostgreSQL read these tables
-- by sequential scan in every certification, so each such step got slower as completed certifications piled up.
-- Portable between H2 and PostgreSQL.

-- AuditRepository.latestScore: the certificate is issued from the audit's latest score (decision step).
create index audit_score_audit on audit_score (audit_id);

-- DecisionRepository.latest: the positive decision the certificate is issued for (decision step).
create index certification_decision_application on certification_decision (application_id);

-- ApplicationRepository: the round of a document review (document review step).
create index document_review_application on document_review (application_id);
