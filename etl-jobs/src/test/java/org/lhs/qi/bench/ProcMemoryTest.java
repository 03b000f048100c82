package org.lhs.qi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcMemoryTest {

    private static String fixture() throws Exception {
        return new String(ProcMemoryTest.class.getResourceAsStream("/bench/proc-status-backend.txt").readAllBytes());
    }

    @Test
    void parsesTheMemoryFieldsOfAProcStatusFile() throws Exception {
        ProcMemory.Status s = ProcMemory.parseStatus(fixture());
        assertThat(s).isEqualTo(new ProcMemory.Status(4242, 4200, 81920, 98304, 12288, 65536));
    }

    @Test
    void missingFieldsAreZero() {
        assertThat(ProcMemory.parseStatus("Name:\tkthreadd\nPid:\t2\nPPid:\t0\n"))
                .isEqualTo(new ProcMemory.Status(2, 0, 0, 0, 0, 0));
    }

    @Test
    void sumsPrivateMemoryAndCountsSharedMemoryOnce() {
        ProcMemory.Sample s = ProcMemory.summarise(List.of(
                new ProcMemory.Status(1, 0, 100, 150, 10, 80),
                new ProcMemory.Status(2, 1, 60, 70, 20, 30)));
        assertThat(s).isEqualTo(new ProcMemory.Sample(2, 160, 220, 30, 80));
        assertThat(s.estimateKb()).isEqualTo(30 + 80);
    }

    @Test
    void samplesThePostmasterAndItsChildrenOnly(@TempDir Path proc) throws Exception {
        write(proc, 4200, "Pid:\t4200\nPPid:\t1\nVmRSS:\t1000 kB\nVmHWM:\t1000 kB\nRssAnon:\t100 kB\nRssShmem:\t900 kB\n");
        write(proc, 4242, fixture());
        write(proc, 5000, "Pid:\t5000\nPPid:\t1\nVmRSS:\t777777 kB\nRssAnon:\t777777 kB\n"); // another program
        Files.createDirectories(proc.resolve("self")); // non-numeric entries are ignored
        ProcMemory.Sample s = new ProcMemory(proc).sample(4200);
        assertThat(s.processes()).isEqualTo(2);
        assertThat(s.rssSumKb()).isEqualTo(1000 + 81920);
        assertThat(s.estimateKb()).isEqualTo(100 + 12288 + 65536);
    }

    @Test
    void readsThePostmasterPidFromTheDataDirectory(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve("postmaster.pid"), "4200\n/data\n1700000000\n5432\n");
        assertThat(ProcMemory.postmasterPid(data)).contains(4200L);
        assertThat(ProcMemory.postmasterPid(data.resolve("missing"))).isEmpty();
    }

    private static void write(Path proc, int pid, String status) throws Exception {
        Files.createDirectories(proc.resolve(Integer.toString(pid)));
        Files.writeString(proc.resolve(Integer.toString(pid)).resolve("status"), status);
    }
}
