--liquibase formatted sql

--changeset qi:041-dq-extract-volume
--comment: What each extract FILE delivered, per site where the table has a site column. Recorded from staging
--comment: before the normaliser clears it, keyed by the file's content (a file loaded again unchanged keeps its
--comment: profile), so the gate can compare tonight's extract with the previous one: the warehouse only grows
--comment: and cannot show that a file arrived empty or half-size.
CREATE TABLE qi.dq_extract_profile (
    extract_file_id   bigint NOT NULL REFERENCES qi.extract_file (id) ON DELETE CASCADE,
    site_key          text NOT NULL,              -- 'ALL', or the row's site source id ('unknown' when empty)
    row_count         bigint NOT NULL,            -- staged rows (new or changed), deletion rows not included
    deletion_count    bigint NOT NULL DEFAULT 0,  -- deletion rows (incremental extracts); on the 'ALL' row only
    PRIMARY KEY (extract_file_id, site_key)
);

--comment: One row per run: was tonight's extract full or incremental, and why the gate thinks so.
CREATE TABLE qi.dq_extract_run (
    run_id            bigint PRIMARY KEY,
    business_date     date NOT NULL,
    extract_mode      text NOT NULL CHECK (extract_mode IN ('full', 'incremental')),
    mode_reason       text NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now()
);

--comment: What the run's extract delivered per table and site ('ALL' always present for a delivered table).
CREATE TABLE qi.dq_extract_count (
    run_id            bigint NOT NULL,
    table_name        text NOT NULL,
    site_key          text NOT NULL,
    file_names        text NOT NULL,              -- the file(s) of the table, comma-separated
    row_count         bigint NOT NULL,
    PRIMARY KEY (run_id, table_name, site_key)
);

--comment: not-applicable outcomes (e.g. a full-extract volume check on an incremental night) and where the first
--comment: offending rows are in tonight's extract (file:line; never values).
ALTER TABLE qi.dq_result ADD COLUMN outcome text CHECK (outcome IN ('passed', 'failed', 'not-applicable'));
ALTER TABLE qi.dq_result ADD COLUMN sample_locations text[] NOT NULL DEFAULT '{}';
