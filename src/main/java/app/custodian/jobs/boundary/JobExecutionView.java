package app.custodian.jobs.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * One execution of a job. {@code node}: the node it started on (null if started before nodes were
 * recorded). {@code orphaned}: it was running on a node that died, so it will never end by itself;
 * another node continues it on its own, and restarting it runs the job again from where its records
 * say it stopped (or answers with the execution that already continues it).
 */
public record JobExecutionView(
    long executionId,
    String jobName,
    String batchStatus,
    String exitStatus,
    Instant startTime,
    Instant endTime,
    String node,
    boolean orphaned,
    Map<String, Long> metrics,
    Object report)
    implements Serializable {}
