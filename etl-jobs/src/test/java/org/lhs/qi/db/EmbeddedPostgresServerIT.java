package org.lhs.qi.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

class EmbeddedPostgresServerIT {

    @Test
    void theDemoDatabaseKeepsItsDataBetweenStarts(@TempDir Path dir) {
        Path data = dir.resolve("pgdata");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data)) {
            JdbcClient jdbc = JdbcClient.create(server.dataSource());
            assertEquals("17", jdbc.sql("SHOW server_version").query(String.class).single().split("\\.")[0]);
            jdbc.sql("CREATE TABLE kept (v int)").update();
            jdbc.sql("INSERT INTO kept VALUES (42)").update();
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data)) {
            assertEquals(42, JdbcClient.create(server.dataSource()).sql("SELECT v FROM kept").query(Integer.class).single());
        }
    }
}
