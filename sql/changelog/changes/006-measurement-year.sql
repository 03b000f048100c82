--liquibase formatted sql

--changeset qi:006-measurement-year
--comment: Besides the 12 monthly periods, each indicator is computed for the 12-month measurement period they
--comment: span (as an eCQM measurement year): the equity and site comparisons use it, monthly cells are too small.
ALTER TABLE qi.member ADD COLUMN period_kind text NOT NULL DEFAULT 'month'
    CHECK (period_kind IN ('month', '12-months', 'test-case'));
ALTER TABLE qi.member DROP CONSTRAINT member_pkey;
ALTER TABLE qi.member ADD PRIMARY KEY (business_date, indicator_id, period_kind, period_start, subject_id);

ALTER TABLE qi.result ADD COLUMN period_kind text NOT NULL DEFAULT 'month'
    CHECK (period_kind IN ('month', '12-months', 'test-case'));
ALTER TABLE qi.result DROP CONSTRAINT result_pkey;
ALTER TABLE qi.result ADD PRIMARY KEY (business_date, indicator_id, period_kind, period_start, site_key, stratifier, stratum);
