package app.custodian.notice.boundary;

import app.custodian.jobs.boundary.JobExecutionView;
import app.custodian.jobs.boundary.JobRuns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A notice job's run as the portal shows it: its status and the counts of its report ({@code GET
 * /api/v1/jobs/executions/{id}}). Counts only, never personal data.
 */
@ApplicationScoped
public class NoticeRuns {

  @Inject JobRuns runs;

  private static final Set<String> ACTIVE = Set.of("STARTING", "STARTED", "STOPPING");

  /**
   * One run: its batch status, whether that status is still an active one (the screen keeps
   * polling), whether its process died ({@code orphaned}), and what it sent so far.
   */
  public record Run(
      long executionId,
      String batchStatus,
      boolean active,
      boolean orphaned,
      long sent,
      long failed,
      long uncertain,
      long skipped)
      implements Serializable {}

  public Optional<Run> find(Long executionId) {
    if (executionId == null) {
      return Optional.empty();
    }
    return runs.find(executionId).map(NoticeRuns::run);
  }

  private static Run run(JobExecutionView view) {
    Map<?, ?> report = view.report() instanceof Map<?, ?> map ? map : Map.of();
    return new Run(
        view.executionId(),
        view.batchStatus(),
        ACTIVE.contains(view.batchStatus()),
        view.orphaned(),
        count(report, "sent"),
        count(report, "failed"),
        count(report, "uncertain"),
        count(report, "skipped"));
  }

  private static long count(Map<?, ?> report, String key) {
    return report.get(key) instanceof Number n ? n.longValue() : 0;
  }
}
