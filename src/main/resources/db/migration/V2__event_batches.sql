-- Engagement events arrive in batches from marketing systems: each carries the sender's id (idempotent
-- replays), may name the lead by e-mail, and may come before the e-mail is a lead (anonymous activity).
alter table engagement_event alter column lead_id drop not null;
alter table engagement_event add column event_key varchar(100);
alter table engagement_event add column email varchar(254);
alter table engagement_event add column page varchar(500);
alter table engagement_event add column asset varchar(500);
alter table engagement_event add column campaign varchar(200);
alter table engagement_event add constraint uk_engagement_event_key unique (event_key);
create index ix_engagement_event_email on engagement_event (email);
