package org.lhs.qi.db;

import javax.sql.DataSource;

/**
 * The one PostgreSQL that integration tests of this JVM share: the server the environment names
 * ({@code QI_DB_URL} or {@code PG*}), else an embedded PostgreSQL 17 started on first use. The schema is
 * migrated once. Lives in main code because the indicator-definitions module tests with it too.
 */
public final class TestDatabase {

    private static DatabaseSettings settings;

    private TestDatabase() {}

    /** Connection settings of the shared test database, starting and migrating it on first call. */
    public static synchronized DatabaseSettings settings() {
        if (settings == null) {
            settings = DatabaseSettings.fromEnvironment(System.getenv()).orElseGet(() -> {
                EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close));
                return server.settings();
            });
            SchemaMigrator.migrate(dataSource(settings));
        }
        return settings;
    }

    /** A simple (unpooled) data source on the shared test database. */
    public static DataSource dataSource() {
        return dataSource(settings());
    }

    static DataSource dataSource(DatabaseSettings s) {
        return s.dataSource();
    }
}
