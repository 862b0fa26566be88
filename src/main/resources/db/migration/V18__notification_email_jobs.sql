-- Notifications are e-mailed by an engine job each ("E-mail a notification", bpmn/notification-email.bpmn), which
-- retries a failed e-mail and ends as an incident in Cockpit; the outbox's own claims and schedule are gone.
-- Rows still waiting are marked STORED: PendingNotifications starts their jobs at the next start.
update notification set status = 'STORED' where status = 'PENDING';
drop index ix_notification_due;
alter table notification drop column claimed_until;
alter table notification drop column next_attempt_at;
