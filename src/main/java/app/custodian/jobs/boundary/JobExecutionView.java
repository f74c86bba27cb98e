package app.custodian.jobs.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * One execution of a job. {@code orphaned}: it was running in a process that died, so it will never
 * end by itself; restarting it runs the job again from where its records say it stopped.
 */
public record JobExecutionView(
    long executionId,
    String jobName,
    String batchStatus,
    String exitStatus,
    Instant startTime,
    Instant endTime,
    boolean orphaned,
    Map<String, Long> metrics,
    Object report)
    implements Serializable {}
