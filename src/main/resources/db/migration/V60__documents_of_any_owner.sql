-- Issue 18/19: documents belong to any owner, not only to an application: an application,
-- a certificate, a certificate request, a corrective action or an appeal/complaint case.
-- The existing rows are the applications' documents and keep their ids; application_id is
-- kept (and filled) for documents of an application.
alter table application_document rename to document_file;
alter table document_file add column owner_kind varchar(30);
alter table document_file add column owner_key varchar(64);
update document_file set owner_kind = 'APPLICATION',
  owner_key = (select a.number from application a where a.id = document_file.application_id);
alter table document_file alter column owner_kind set not null;
alter table document_file alter column owner_key set not null;
alter table document_file alter column application_id drop not null;
create index document_file_owner on document_file (owner_kind, owner_key);
