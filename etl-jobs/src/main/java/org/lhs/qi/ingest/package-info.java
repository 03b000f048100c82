/** Canonical CSV extract ingest: declarative table specs, validation, COPY into staging, quarantine of bad rows. */
package org.lhs.qi.ingest;
