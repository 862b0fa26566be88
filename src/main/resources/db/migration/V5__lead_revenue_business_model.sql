-- Fit can size a company by its revenue when the head count is unknown, and weighs its business model.
alter table lead add column annual_revenue bigint;
alter table lead add column business_model varchar(40);
