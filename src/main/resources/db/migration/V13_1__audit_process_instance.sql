-- Issue 15: the process in which an audit was planned (initial-certification or certificate-audit), so that the
-- decision, the certificate and the on-site audit steps find their audit in our records by process instance, never
-- by a process variable (which whoever completes a task may set). Numbered 13.1 to stay clear of other changes' V14.
-- Audits of certifications in flight are linked by migration 13.2 (audit/AuditProcessBackfill, Java: it reads the
-- engine's tables, which an empty database does not have yet).
alter table audit add column process_instance_id varchar(64);
create index audit_process_instance on audit (process_instance_id);
