-- Issue 18 (6, 7): one notice service. A notice belongs to a client (credit code), and to the application, the
-- certificate or the appeal/complaint case it is about; a notice to a third-party complainant without an account
-- carries its own e-mail address and may have no application.
alter table client_notice alter column application_id drop not null;
alter table client_notice add column credit_code varchar(18);
alter table client_notice add column certificate_number varchar(40);
alter table client_notice add column case_number varchar(40);
alter table client_notice add column subject varchar(200);
alter table client_notice add column email varchar(254);

update client_notice set credit_code = (select c.credit_code from application a join client c on c.id = a.client_id
  where a.id = client_notice.application_id);

create index client_notice_credit_code on client_notice (credit_code);
create index client_notice_certificate on client_notice (certificate_number);
create index client_notice_case on client_notice (case_number);

-- A third-party complainant without an account is written to at this address (R-APL-1).
alter table complaint_case add column complainant_email varchar(254);
