package org.lhs.qi.quality;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a check needs to run: the database, the run and its business date. */
record CheckContext(JdbcClient jdbc, long runId, LocalDate businessDate) {
}
