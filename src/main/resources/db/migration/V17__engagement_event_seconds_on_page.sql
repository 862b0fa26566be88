-- How long the lead stayed on the page, as the sender measured it; the points table may score a long look higher.
alter table engagement_event add column seconds_on_page integer;
