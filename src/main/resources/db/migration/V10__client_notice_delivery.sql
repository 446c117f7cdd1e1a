-- Notices to the client go out by e-mail (issue 6): the application's contact address, and per notice whether,
-- when, to whom and by whom it was sent, or why not. Portable between H2 and PostgreSQL.

alter table application add column contact_email varchar(254);

-- PENDING (not tried yet), SENT, FAILED (last try failed; the engine retries the job), NOT_SENT (no mail server
-- configured or no contact e-mail: kept for a letter by post).
alter table client_notice add column delivery_status varchar(20) default 'PENDING' not null;
alter table client_notice add column recipient varchar(254);
alter table client_notice add column attempts integer default 0 not null;
alter table client_notice add column last_attempt_at timestamp with time zone;
alter table client_notice add column last_attempt_by varchar(100);
alter table client_notice add column delivery_note varchar(1000);
alter table client_notice add column sent_at timestamp with time zone;

create index client_notice_application on client_notice (application_id);
