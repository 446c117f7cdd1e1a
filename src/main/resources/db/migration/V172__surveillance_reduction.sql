-- Issue 21 point 2, PCEC 10.2 "获证单位为再认证且获证期间未被投诉时，可减少监督频次": a decision maker's reduced
-- frequency for the cycle a recertification starts, with the reason; null = the full frequency (every year).
alter table certificate add column surveillance_reduction varchar(4000);
