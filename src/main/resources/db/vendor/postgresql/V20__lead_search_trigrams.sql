-- GET /api/leads?q=: words are looked for anywhere in the e-mail, the name and the company (like '%word%'), which a
-- B-tree cannot serve. Trigram indexes can, for words of three letters or more. pg_trgm ships with PostgreSQL and
-- is a trusted extension: the database's owner may create it. The expressions are the search's own (LeadSearch).
create extension if not exists pg_trgm;
create index ix_lead_email_trgm on lead using gin (lower(email) gin_trgm_ops);
create index ix_lead_name_trgm on lead using gin
    (lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) gin_trgm_ops);
create index ix_lead_company_trgm on lead using gin (lower(coalesce(company, '')) gin_trgm_ops);
