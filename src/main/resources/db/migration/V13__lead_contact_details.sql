-- What a rep needs to reach and qualify a lead: a number to call, the website, the job title as given (job_role is
-- the role the fit table scores), when they expect to buy, the problem they stated, how many would use it.
alter table lead add column phone varchar(40);
alter table lead add column website varchar(200);
alter table lead add column job_title varchar(100);
alter table lead add column purchase_timing varchar(20);
alter table lead add column stated_problem varchar(1000);
alter table lead add column users integer;
