-- The funnel and what-if select leads by the period they were captured in.
create index ix_lead_created_at on lead (created_at);
