package app.custodian.jobs.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The executions this JVM is running now, as told by {@link RunningJobsListener}. */
@ApplicationScoped
public class RunningJobs {

  private final Set<Long> running = ConcurrentHashMap.newKeySet();
  private final Instant processStart =
      Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

  void started(long executionId) {
    running.add(executionId);
  }

  void ended(long executionId) {
    running.remove(executionId);
  }

  public boolean runsHere(long executionId) {
    return running.contains(executionId);
  }

  /** When this JVM started: an execution created before it and not running here was orphaned. */
  public Instant processStart() {
    return processStart;
  }
}
