--liquibase formatted sql

--changeset qi:050-incremental-deletions
--comment: Incremental extracts delete warehouse rows with a row whose optional `deleted` column is true. The ingest
--comment: step stages such rows here (not in staging.<table>); the normalise step applies them after every table's
--comment: upsert, children before parents, and quarantines deletions of rows that other rows still reference.
--comment: UNLOGGED like the rest of staging: it is rebuilt from the extract files on a restart.
CREATE UNLOGGED TABLE staging.deletion (
    extract_file_id bigint NOT NULL,
    line_no         integer NOT NULL,
    table_name      text NOT NULL,
    source_system   text NOT NULL,
    source_id       text NOT NULL
);
CREATE INDEX deletion_file_ix ON staging.deletion (extract_file_id);
