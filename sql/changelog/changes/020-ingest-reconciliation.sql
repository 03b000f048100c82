--liquibase formatted sql

--changeset qi:020-ingest-reconciliation
--comment: One line per source file read by an ingest (canonical, Synthea, FHIR): what became of every record.
--comment: The CHECK makes "nothing lost" a database invariant: read = staged + quarantined + skipped.
CREATE TABLE qi.ingest_reconciliation (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id            bigint NOT NULL,
    extract_file_id   bigint REFERENCES qi.extract_file (id) ON DELETE CASCADE,  -- null: reference data only
    source_format     text NOT NULL,                 -- canonical | synthea | fhir
    file_name         text NOT NULL,
    table_name        text NOT NULL,                 -- canonical table the records were staged for
    rows_read         bigint NOT NULL,
    rows_staged       bigint NOT NULL,
    rows_quarantined  bigint NOT NULL,
    rows_skipped      bigint NOT NULL,
    unchanged         boolean NOT NULL DEFAULT false, -- same content already loaded: not read again
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (rows_read = rows_staged + rows_quarantined + rows_skipped)
);
CREATE INDEX ingest_reconciliation_run_ix ON qi.ingest_reconciliation (run_id);
CREATE INDEX ingest_reconciliation_file_ix ON qi.ingest_reconciliation (extract_file_id);
CREATE TABLE qi.ingest_reconciliation_skip (
    reconciliation_id bigint NOT NULL REFERENCES qi.ingest_reconciliation (id) ON DELETE CASCADE,
    reason            text NOT NULL,
    rows              bigint NOT NULL,
    PRIMARY KEY (reconciliation_id, reason)
);
--comment: After normalise: staged rows split into loaded, quarantined for unresolved references, and
--comment: superseded duplicates (same source id staged again; the last one wins).
CREATE VIEW qi.ingest_reconciliation_loaded AS
SELECT r.id, r.run_id, r.source_format, r.file_name, r.table_name, r.rows_read, r.rows_staged,
       r.rows_quarantined, r.rows_skipped, f.status,
       CASE WHEN f.status = 'loaded' THEN f.rows_loaded END AS rows_loaded,
       CASE WHEN f.status = 'loaded' THEN f.rows_quarantined - r.rows_quarantined END AS rows_unresolved,
       CASE WHEN f.status = 'loaded'
            THEN r.rows_staged - f.rows_loaded - (f.rows_quarantined - r.rows_quarantined) END AS rows_duplicate
FROM qi.ingest_reconciliation r
LEFT JOIN qi.extract_file f ON f.id = r.extract_file_id
WHERE NOT r.unchanged;
