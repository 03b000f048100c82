--liquibase formatted sql

--changeset qi:040-data-quality
--comment: The data-quality gate stores the check kind, how many rows offended and a few of their source ids
--comment: (never names or clinical values) so people can find them; per-run row counts feed the volume-change check.
ALTER TABLE qi.dq_result ADD COLUMN kind text;
ALTER TABLE qi.dq_result ADD COLUMN description text;
ALTER TABLE qi.dq_result ADD COLUMN rows_checked bigint;
ALTER TABLE qi.dq_result ADD COLUMN rows_offending bigint;
ALTER TABLE qi.dq_result ADD COLUMN sample_source_ids text[] NOT NULL DEFAULT '{}';
ALTER TABLE qi.dq_result ADD COLUMN checked_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX dq_result_business_date_ix ON qi.dq_result (business_date);

CREATE TABLE qi.dq_table_count (
    run_id            bigint NOT NULL,
    business_date     date NOT NULL,
    table_name        text NOT NULL,
    site_key          text NOT NULL,              -- 'ALL' or the site's source id ('unknown' when unattributed)
    row_count         bigint NOT NULL,
    PRIMARY KEY (run_id, table_name, site_key)
);
