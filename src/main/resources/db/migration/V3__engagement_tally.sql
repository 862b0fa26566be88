-- Engagement is scored from a tally kept up to date as events arrive, not by reading every event of the lead:
-- per event type, how many events and their summed decay weight as of a moment. It sits on the lead row, so an
-- event costs no extra statement: the tally is written with the new score. Points are applied when scoring,
-- so a new version of the points table counts for old activity at once.
alter table lead add column engagement_tally varchar(1000);
alter table lead add column tally_as_of timestamp with time zone;
-- How the tally was weighted (the decay settings); null until built from the lead's events. Leads that existed
-- before this migration, and leads whose decay settings changed, are rebuilt from their events when next scored.
alter table lead add column tally_basis varchar(40);
