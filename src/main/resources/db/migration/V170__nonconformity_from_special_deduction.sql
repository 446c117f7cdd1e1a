-- Issue 20.8 (PCEC 6.1): each special deduction of a scoring becomes a nonconformity of the audit
-- ("且应进行整改"); they are marked so the closing meeting does not take them for earlier ones.
alter table nonconformity add column special_deduction boolean default false not null;
