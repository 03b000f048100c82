package org.lhs.qi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Memory of a PostgreSQL server read from Linux {@code /proc}: the postmaster and its direct children (backends,
 * checkpointer, walwriter, …). Every backend's RSS includes the shared buffers it touched, so summing RSS counts
 * shared memory many times; the estimate used here is the sum of private memory (RssAnon) plus the largest shared
 * part (RssShmem) seen in any one process.
 */
public final class ProcMemory {

    /** Memory of one process in kB, from its {@code status} file. */
    public record Status(long pid, long parentPid, long vmRssKb, long vmHwmKb, long rssAnonKb, long rssShmemKb) {
    }

    /** One sample over all processes of the server, in kB. */
    public record Sample(int processes, long rssSumKb, long hwmSumKb, long anonSumKb, long shmemMaxKb) {

        /** Private memory of all processes plus the shared memory once. */
        public long estimateKb() {
            return anonSumKb + shmemMaxKb;
        }
    }

    private final Path proc;

    public ProcMemory(Path proc) {
        this.proc = proc;
    }

    /** Parses a {@code /proc/<pid>/status} text; absent fields are 0 (e.g. kernel threads, other systems). */
    public static Status parseStatus(String text) {
        long pid = 0, ppid = 0, rss = 0, hwm = 0, anon = 0, shmem = 0;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon);
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "Pid" -> pid = firstNumber(value);
                case "PPid" -> ppid = firstNumber(value);
                case "VmRSS" -> rss = firstNumber(value);
                case "VmHWM" -> hwm = firstNumber(value);
                case "RssAnon" -> anon = firstNumber(value);
                case "RssShmem" -> shmem = firstNumber(value);
                default -> { }
            }
        }
        return new Status(pid, ppid, rss, hwm, anon, shmem);
    }

    private static long firstNumber(String value) {
        int end = 0;
        while (end < value.length() && Character.isDigit(value.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Long.parseLong(value.substring(0, end));
    }

    /** The postmaster's pid: the first line of {@code postmaster.pid} in the data directory. */
    public static Optional<Long> postmasterPid(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Sums the memory of the postmaster and its children now; processes that exit meanwhile are skipped. */
    public Sample sample(long postmasterPid) {
        List<Status> server = new ArrayList<>();
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path dir : entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                read(dir.resolve("status")).filter(s -> s.pid() == postmasterPid || s.parentPid() == postmasterPid)
                        .ifPresent(server::add);
            }
        } catch (IOException e) {
            return new Sample(0, 0, 0, 0, 0);
        }
        return summarise(server);
    }

    static Sample summarise(List<Status> processes) {
        long rss = 0, hwm = 0, anon = 0, shmem = 0;
        for (Status s : processes) {
            rss += s.vmRssKb();
            hwm += s.vmHwmKb();
            anon += s.rssAnonKb();
            shmem = Math.max(shmem, s.rssShmemKb());
        }
        return new Sample(processes.size(), rss, hwm, anon, shmem);
    }

    private static Optional<Status> read(Path status) {
        try {
            return Optional.of(parseStatus(Files.readString(status)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the process ended between listing and reading
        }
    }
}
