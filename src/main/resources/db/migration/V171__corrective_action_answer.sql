-- Issue 18.3 (R-AUD-3, PCEC 8.2.4): the client answers each nonconformity in the portal: its correction and
-- corrective action, who answered and when (the evidence is a CORRECTIVE_ACTION document keyed by the nonconformity)
alter table nonconformity add column corrective_action varchar(2000);
alter table nonconformity add column answered_at timestamp with time zone;
alter table nonconformity add column answered_by varchar(100);
