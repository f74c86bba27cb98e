package app.custodian.jobs.boundary;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.jobs.control.JobNode;
import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import app.custodian.platform.control.ProblemException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Starts, reads and restarts job executions, always outside the caller's transaction: the batch
 * runtime keeps its records through a pool of its own, which cannot join a transaction that already
 * holds the application's connection.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobRuns {

  /** How long a completed execution's job listeners may take to record its outcome. */
  private static final Duration LISTENERS_GRACE = Duration.ofMinutes(1);

  @Inject JobLiveness liveness;
  @Inject JobTakeover takeover;
  @Inject @Any Instance<JobReport> reports;
  @Inject AuditTrail audit;

  public long start(String jobName, Properties parameters) {
    return operator().start(jobName, parameters);
  }

  /**
   * Starts the job unless an execution of it is running.
   *
   * @throws ProblemException 409 while one runs
   */
  public long startAlone(String jobName, Properties parameters) {
    Optional<Long> live = liveExecution(jobName);
    if (live.isPresent()) {
      throw ProblemException.conflict(
          "Job " + jobName + " is running already, as execution " + live.get(),
          Map.of("executionId", live.get()));
    }
    return start(jobName, parameters);
  }

  /**
   * Starts the job for the calling staff member unless an execution of it is running, and audits
   * it.
   *
   * @param label what the audit entry calls the run, e.g. {@code retention-purge (dry run)}
   * @throws ProblemException 409 while one runs
   */
  public long startByStaff(String jobName, Properties parameters, String label) {
    long executionId = startAlone(jobName, parameters);
    audit.record("JOB_STARTED", null, label + " execution " + executionId);
    return executionId;
  }

  /**
   * The executions of every job the batch runtime knows, newest first, without their reports (each
   * costs a query: {@link #find} has it).
   */
  public Page<JobExecutionView> list(PageRequest page) {
    List<JobExecution> all = new ArrayList<>();
    for (String jobName : operator().getJobNames()) {
      int instances = operator().getJobInstanceCount(jobName);
      for (JobInstance instance : operator().getJobInstances(jobName, 0, instances)) {
        all.addAll(operator().getJobExecutions(instance));
      }
    }
    all.sort(Comparator.comparingLong(JobExecution::getExecutionId).reversed());
    List<JobExecution> items =
        all.subList(
            Math.min(page.offset(), all.size()), Math.min(page.offset() + page.size(), all.size()));
    return Page.of(items, page, all.size()).map(e -> view(e, false));
  }

  /** A running execution of the job, here or on another node, if there is one. */
  public Optional<Long> liveExecution(String jobName) {
    return liveness.liveExecution(jobName);
  }

  /** When the job's latest execution was created, here or on another node; empty if never. */
  public Optional<Instant> lastCreated(String jobName) {
    try {
      List<JobInstance> latest = operator().getJobInstances(jobName, 0, 1);
      return latest.stream()
          .flatMap(instance -> operator().getJobExecutions(instance).stream())
          .map(JobExecution::getCreateTime)
          .filter(Objects::nonNull)
          .map(Date::toInstant)
          .max(Comparator.naturalOrder());
    } catch (NoSuchJobException e) {
      return Optional.empty();
    }
  }

  public Optional<JobExecutionView> find(long executionId) {
    return execution(executionId).map(e -> view(e, true));
  }

  /** Whether the execution is running, here or on another node. */
  public boolean isLive(long executionId) {
    return liveness.isLive(executionId);
  }

  /**
   * The execution that now carries this one on: the one that continued it after its node's loss,
   * taken over by this node first if its node is gone and nobody has yet.
   */
  public long current(long executionId) {
    long latest = liveness.latest(executionId);
    boolean orphan = execution(latest).map(liveness::orphaned).orElse(false);
    if (orphan && liveness.node(latest).filter(JobNode::takenOver).isEmpty()) {
      takeover.takeOver(latest);
    }
    return liveness.latest(latest);
  }

  /**
   * Whether the execution will still end by itself: it, or the execution that continues it, runs on
   * a node, or runs on a lost node whose runs another node is about to continue, or has just
   * completed and its job listeners are finishing. False once it failed or stopped, and for a run
   * from before nodes were recorded whose process died (nobody continues those).
   */
  public boolean willEndByItself(long executionId) {
    long latest = liveness.latest(executionId);
    Optional<JobNode> node = liveness.node(latest);
    if (node.filter(JobRuns::beingContinued).isPresent()) {
      return true;
    }
    return execution(latest)
        .map(
            e ->
                switch (e.getBatchStatus()) {
                  case STARTING, STARTED, STOPPING -> node.isPresent() || !liveness.orphaned(e);
                  case COMPLETED -> justEnded(e);
                  default -> false;
                })
        .orElse(false);
  }

  private static boolean justEnded(JobExecution execution) {
    Date end = execution.getEndTime();
    return end == null || end.toInstant().isAfter(Instant.now().minus(LISTENERS_GRACE));
  }

  /** Whether the execution runs, or another node is starting the execution that continues it. */
  public boolean isLiveOrBeingContinued(long executionId) {
    return liveness.isLive(executionId)
        || liveness.node(executionId).filter(JobRuns::beingContinued).isPresent();
  }

  /** Another node won the execution and is starting the one that continues it. */
  private static boolean beingContinued(JobNode node) {
    return node.takenOver() && node.successorId() == null;
  }

  /**
   * Runs a failed, stopped or orphaned execution again, with its parameters; the job's own records
   * (delivery rows, checkpoints) make it continue rather than repeat.
   *
   * @return the new execution's id
   * @throws ProblemException 404 for an unknown id, 409 while it runs or once it completed
   */
  public long restart(long executionId) {
    long restarted = rerun(executionId);
    audit.record("JOB_RESTARTED", null, "execution " + executionId + " as " + restarted);
    return restarted;
  }

  private long rerun(long executionId) {
    JobExecution execution =
        execution(executionId)
            .orElseThrow(() -> ProblemException.notFound("Execution " + executionId));
    BatchStatus status = execution.getBatchStatus();
    Optional<JobNode> node = liveness.node(executionId);
    if (node.isPresent() && node.get().takenOver()) {
      return continuation(executionId);
    }
    if (orphaned(execution)) {
      if (node.isEmpty()) {
        // started before nodes were recorded: the batch runtime still thinks it runs
        return operator().start(execution.getJobName(), operator().getParameters(executionId));
      }
      return takeover.takeOver(executionId).orElseGet(() -> continuation(executionId));
    }
    if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED) {
      throw ProblemException.conflict(
          "Only a failed or stopped execution can be restarted; this one is " + status);
    }
    // Payara's runtime, unlike JBeret, does not carry the first run's parameters over to a restart
    return operator().restart(executionId, operator().getParameters(executionId));
  }

  /** Another node took the execution over: its successor is the restart. */
  private long continuation(long executionId) {
    long latest = liveness.latest(executionId);
    if (latest == executionId) {
      throw ProblemException.conflict(
          "Execution " + executionId + " is being taken over by another node");
    }
    return latest;
  }

  private JobExecutionView view(JobExecution execution, boolean withReport) {
    return new JobExecutionView(
        execution.getExecutionId(),
        execution.getJobName(),
        execution.getBatchStatus().name(),
        execution.getExitStatus(),
        instant(execution.getStartTime()),
        instant(execution.getEndTime()),
        liveness.nodeName(execution.getExecutionId()).orElse(null),
        orphaned(execution),
        metrics(execution.getExecutionId()),
        withReport ? report(execution) : null);
  }

  private Object report(JobExecution execution) {
    for (JobReport report : reports) {
      if (report.jobName().equals(execution.getJobName())) {
        return report.report(
            executionsSoFar(execution.getExecutionId()),
            operator().getParameters(execution.getExecutionId()));
      }
    }
    return null;
  }

  /** The execution and the earlier ones of its job instance, oldest first. */
  private List<Long> executionsSoFar(long executionId) {
    JobInstance instance = operator().getJobInstance(executionId);
    return operator().getJobExecutions(instance).stream()
        .map(JobExecution::getExecutionId)
        .filter(id -> id <= executionId)
        .sorted()
        .toList();
  }

  private Map<String, Long> metrics(long executionId) {
    Map<String, Long> totals = new LinkedHashMap<>();
    totals.put("read", 0L);
    totals.put("written", 0L);
    totals.put("filtered", 0L);
    totals.put("skipped", 0L);
    for (StepExecution step : operator().getStepExecutions(executionId)) {
      for (Metric metric : step.getMetrics()) {
        String name =
            switch (metric.getType()) {
              case READ_COUNT -> "read";
              case WRITE_COUNT -> "written";
              case FILTER_COUNT -> "filtered";
              case READ_SKIP_COUNT, PROCESS_SKIP_COUNT, WRITE_SKIP_COUNT -> "skipped";
              default -> null;
            };
        if (name != null) {
          totals.merge(name, metric.getValue(), Long::sum);
        }
      }
    }
    return totals;
  }

  private boolean orphaned(JobExecution execution) {
    return liveness.orphaned(execution);
  }

  private Optional<JobExecution> execution(long executionId) {
    try {
      return Optional.ofNullable(operator().getJobExecution(executionId));
    } catch (NoSuchJobExecutionException e) {
      return Optional.empty();
    }
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }
}
