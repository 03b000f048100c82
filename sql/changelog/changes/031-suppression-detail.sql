--liquibase formatted sql

--changeset qi:031-suppression-detail
--comment: Why a result cell is hidden and how precise a shown rate is. suppression: 'primary' (its own counts are
--comment: small: denominator < 11, or numerator / events / denominator - numerator between 1 and 10) or
--comment: 'complementary' (hidden so that a primary cell cannot be worked out from a total); null when shown.
--comment: rse: relative standard error of the rate; unstable: shown, but RSE > 30% or no events.
ALTER TABLE qi.result ADD COLUMN suppression text CHECK (suppression IN ('primary', 'complementary'));
ALTER TABLE qi.result ADD COLUMN rse numeric;
ALTER TABLE qi.result ADD COLUMN unstable boolean NOT NULL DEFAULT false;
-- a suppressed cell never carries a rate or interval, so no reader of qi.result can print one by mistake
ALTER TABLE qi.result ADD CONSTRAINT result_suppressed_no_rate_ck
    CHECK ((suppression IS NULL OR suppressed) AND (NOT suppressed OR (rate IS NULL AND ci_low IS NULL AND ci_high IS NULL)));

--changeset qi:031-export-file
--comment: The data exports written beside each scorecard (results CSV, FHIR MeasureReport bundle), for the manifest.
CREATE TABLE qi.export_file (
    run_id            bigint NOT NULL,
    business_date     date NOT NULL,
    audience          text NOT NULL,                 -- 'ALL' or a site source id
    kind              text NOT NULL CHECK (kind IN ('results-csv', 'measure-reports-json')),
    path              text NOT NULL,
    sha256            text NOT NULL,
    size_bytes        bigint NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, audience, kind)
);
