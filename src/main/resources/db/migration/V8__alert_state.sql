-- Alerts that are raised once and cleared once (not repeated on every check), e.g. the acceptance rate below
-- its floor. One row per alert, locked while it is checked, so cluster nodes agree.
create table alert_state (
    name        varchar(64) primary key,
    raised      boolean     not null,
    detail      varchar(500),
    changed_at  timestamp with time zone not null
);
