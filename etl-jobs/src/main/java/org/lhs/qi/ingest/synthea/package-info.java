/** Import of Synthea CSV exports into the canonical staging tables, with per-file reconciliation. */
package org.lhs.qi.ingest.synthea;
