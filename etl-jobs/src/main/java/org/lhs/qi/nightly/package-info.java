/**
 * The {@code nightly} Spring Batch job: ingest → check extract → normalise → compute → summarise → render →
 * publish. One {@code @Configuration}, one tasklet class per step; the tasklets only orchestrate and delegate
 * the work to the plain classes of the stage packages.
 */
package org.lhs.qi.nightly;
