package org.lhs.qi.nightly;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** Logs each step's start, outcome, counts and duration: the progress lines a data team reads in its logs. */
@Component
public class StepProgressListener implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StepProgressListener.class);

    @Override
    public void beforeStep(StepExecution step) {
        log.info("▶ {} started", step.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        Duration took = step.getStartTime() == null ? Duration.ZERO
                : Duration.between(step.getStartTime(), java.time.LocalDateTime.now());
        double seconds = Math.max(took.toMillis(), 1) / 1000.0;
        log.info("■ {} {} in {} s — read {}, written {}, quarantined {}{}", step.getStepName(), step.getStatus(),
                String.format("%.1f", seconds), step.getReadCount(), step.getWriteCount(), step.getReadSkipCount(),
                step.getReadCount() > 0 ? String.format(" (%.0f rows/s)", step.getReadCount() / seconds) : "");
        return null;
    }
}
