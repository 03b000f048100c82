package org.lhs.qi.db;

import java.util.Map;
import java.util.Optional;

/**
 * Where the database is, read from the environment: {@code QI_DB_URL} (a JDBC URL) with
 * {@code QI_DB_USER}/{@code QI_DB_PASSWORD}, or libpq's {@code PGHOST}/{@code PGPORT}/{@code PGDATABASE}/
 * {@code PGUSER}/{@code PGPASSWORD}. Passwords can come from a file named by {@code QI_DB_PASSWORD_FILE}.
 */
public record DatabaseSettings(String url, String user, String password) {

    /** The settings the environment names, or empty when it names no server. */
    public static Optional<DatabaseSettings> fromEnvironment(Map<String, String> env) {
        String password = env.get("QI_DB_PASSWORD");
        String passwordFile = env.get("QI_DB_PASSWORD_FILE");
        if (password == null && passwordFile != null) {
            try {
                password = java.nio.file.Files.readString(java.nio.file.Path.of(passwordFile)).strip();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read QI_DB_PASSWORD_FILE " + passwordFile + ": " + e.getMessage(), e);
            }
        }
        String url = env.get("QI_DB_URL");
        if (url != null && !url.isBlank()) {
            return Optional.of(new DatabaseSettings(url, env.getOrDefault("QI_DB_USER", env.get("PGUSER")),
                    password != null ? password : env.get("PGPASSWORD")));
        }
        String host = env.get("PGHOST");
        if (host != null && !host.isBlank()) {
            String port = env.getOrDefault("PGPORT", "5432");
            String db = env.getOrDefault("PGDATABASE", env.getOrDefault("PGUSER", "postgres"));
            return Optional.of(new DatabaseSettings("jdbc:postgresql://" + host + ":" + port + "/" + db,
                    env.getOrDefault("PGUSER", "postgres"), password != null ? password : env.get("PGPASSWORD")));
        }
        return Optional.empty();
    }

    /** A simple (unpooled) data source for commands that need a few queries and no application context. */
    public javax.sql.DataSource dataSource() {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setUrl(url);
        // server error details quote row values (patient identifiers); keep them out of exception messages
        ds.setLogServerErrorDetail(false);
        if (user != null) {
            ds.setUser(user);
        }
        if (password != null) {
            ds.setPassword(password);
        }
        return ds;
    }

    /** Never print the password. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + "]";
    }
}
