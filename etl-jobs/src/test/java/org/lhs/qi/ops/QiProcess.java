package org.lhs.qi.ops;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.lhs.qi.db.DatabaseSettings;

/** Runs the real {@code qi} Boot jar as a separate process, optionally SIGKILLing it when a line appears. */
final class QiProcess {

    /** What a launch did: exit code (137-ish when killed), whether we killed it, its output. */
    record Outcome(int exitCode, boolean killed, List<String> stdout, String stderr) {
        String all() {
            return String.join("\n", stdout) + "\n" + stderr;
        }
    }

    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    private QiProcess() {}

    static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("qi-etl-jobs-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no exec jar in target/: run the package phase first"))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code qi args…}; kills it with SIGKILL right after the first stdout line {@code killWhen} accepts. */
    static Outcome run(DatabaseSettings db, Map<String, String> extraEnv, Predicate<String> killWhen, String... args)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xss1m", "-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("QI_") || k.startsWith("PG"));
        builder.environment().put("QI_DB_URL", db.url());
        if (db.user() != null) {
            builder.environment().put("QI_DB_USER", db.user());
        }
        if (db.password() != null) {
            builder.environment().put("QI_DB_PASSWORD", db.password());
        }
        builder.environment().putAll(extraEnv);
        File stderrFile = File.createTempFile("qi-stderr", ".txt");
        builder.redirectError(stderrFile);
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        boolean killed = false;
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
            try {
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
                if (!killed && killWhen.test(line)) {
                    // SIGKILL on Linux: no shutdown hooks, no finally blocks. Through the handle, because
                    // Process.destroyForcibly also closes the stream we are reading
                    process.toHandle().destroyForcibly();
                    killed = true;
                }
            }
        } catch (IOException e) {
            if (!killed) {
                throw e;
            }
        }
        int code = process.waitFor();
        watchdog.cancel(true);
        String stderr = Files.readString(stderrFile.toPath());
        Files.deleteIfExists(stderrFile.toPath());
        return new Outcome(code, killed, lines, stderr);
    }

    /** Never kill. */
    static Predicate<String> never() {
        return line -> false;
    }
}
