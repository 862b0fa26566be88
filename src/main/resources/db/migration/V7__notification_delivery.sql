-- Notifications are e-mailed from this table (an outbox): a rolled-back step sends nothing, a failed delivery
-- is tried again later, and several nodes never send the same message twice (a delivery claims its row).
alter table notification add column status varchar(10) default 'PENDING' not null;
alter table notification add column attempts integer default 0 not null;
alter table notification add column next_attempt_at timestamp with time zone;
alter table notification add column claimed_until timestamp with time zone;
alter table notification add column sent_at timestamp with time zone;
alter table notification add column last_error varchar(1000);
-- Notifications stored before e-mail delivery existed are not sent now.
update notification set status = 'SKIPPED';
create index ix_notification_due on notification (status, next_attempt_at);
