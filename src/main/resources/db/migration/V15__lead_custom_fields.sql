-- The lead fields a process owner declares in lead-fields.dmn, as a JSON object: {"crmSystem": "HubSpot"}.
alter table lead add column custom_fields varchar(8000);
