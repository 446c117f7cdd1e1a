-- Issue 15: the process in which an audit was planned (initial-certification or certificate-audit), so that the
-- decision, the certificate and the on-site audit steps find their audit in our records by process instance, never
-- by a process variable (which whoever completes a task may set). Numbered 13.1 to stay clear of other changes' V14.
-- Audits planned before this version are linked from the engine's own record by AuditProcessLinks at start-up.
alter table audit add column process_instance_id varchar(64);
create index audit_process_instance on audit (process_instance_id);
