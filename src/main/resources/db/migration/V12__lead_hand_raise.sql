-- A hand-raise ("contact me") counts once per journey: when it was last raised, and when sales last decided on
-- it (sent the lead back to nurture). It is pending while raised after the last decision.
alter table lead add column hand_raised_at timestamp with time zone;
alter table lead add column hand_raise_handled_at timestamp with time zone;
update lead set hand_raised_at = created_at where wants_contact;
