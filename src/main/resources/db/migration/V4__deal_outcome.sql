-- What became of an SQL in sales: won or lost, with the value, currency and close date, so conversion, deal
-- value, velocity and win rates are computed here. Recorded once per opportunity; a replay changes nothing.
alter table opportunity add column outcome varchar(10);
alter table opportunity add column deal_value numeric(14, 2);
alter table opportunity add column currency varchar(3);
alter table opportunity add column closed_on date;
alter table opportunity add column lost_reason varchar(30);
alter table opportunity add column outcome_recorded_at timestamp with time zone;
alter table opportunity add column outcome_recorded_by varchar(64);
create index ix_opportunity_outcome on opportunity (outcome, closed_on);
