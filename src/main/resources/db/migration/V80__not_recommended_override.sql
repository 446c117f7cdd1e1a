-- Issue 20 point 7 (PCEC 8.2.4, 9; R-DEC-3): an audit the team did not recommend is
-- certified only with the decider's written reason, kept with the decision.
alter table certification_decision add column not_recommended_override varchar(8000);
