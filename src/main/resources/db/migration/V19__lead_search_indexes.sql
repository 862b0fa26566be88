-- GET /api/leads: lists by stage, rep or band, newest change first. The stage and rep indexes of V1 are replaced by
-- the same columns with updated_at, which the default order reads.
drop index ix_lead_stage;
drop index ix_lead_assigned_rep;
create index ix_lead_stage_updated on lead (stage, updated_at);
create index ix_lead_rep_updated on lead (assigned_rep, updated_at);
create index ix_lead_group on lead (assigned_group);
create index ix_lead_updated on lead (updated_at);
