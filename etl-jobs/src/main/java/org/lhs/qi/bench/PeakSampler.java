package org.lhs.qi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples, on a daemon thread, the JVM heap in use (summed over heap pools) and the PostgreSQL server's memory;
 * keeps the peaks. The JVM's own pool peaks are read too, at the end, because they see spikes between samples.
 */
final class PeakSampler implements AutoCloseable {

    private final ProcMemory proc;
    private final long postmasterPid;
    private final long intervalMillis;
    private final AtomicLong heapPeak = new AtomicLong();
    private final AtomicLong pgEstimatePeakKb = new AtomicLong();
    private final AtomicLong pgRssSumPeakKb = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    PeakSampler(ProcMemory proc, long postmasterPid, long intervalMillis) {
        this.proc = proc;
        this.postmasterPid = postmasterPid;
        this.intervalMillis = intervalMillis;
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        thread = Thread.ofPlatform().daemon().name("bench-sampler").start(this::loop);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private void loop() {
        while (running) {
            sampleOnce();
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sampleOnce() {
        long heap = heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heapPeak.accumulateAndGet(heap, Math::max);
        if (postmasterPid > 0) {
            ProcMemory.Sample s = proc.sample(postmasterPid);
            pgEstimatePeakKb.accumulateAndGet(s.estimateKb(), Math::max);
            pgRssSumPeakKb.accumulateAndGet(s.rssSumKb(), Math::max);
        }
    }

    /** Peak heap in use seen by sampling. */
    long heapSampledPeakBytes() {
        return heapPeak.get();
    }

    /** Sum of each heap pool's own peak since the start: an upper bound (pools peak at different moments). */
    long heapPoolPeakSumBytes() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    long pgEstimatePeakKb() {
        return pgEstimatePeakKb.get();
    }

    long pgRssSumPeakKb() {
        return pgRssSumPeakKb.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampleOnce();
    }
}
