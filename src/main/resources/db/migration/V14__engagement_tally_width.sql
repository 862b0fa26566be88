-- Behaviours are the points table's vocabulary, which process owners widen in Modeler: a lead's tally (one entry per
-- behaviour it showed) needs room for more than the eight behaviours of the first release.
alter table lead alter column engagement_tally set data type varchar(20000);
