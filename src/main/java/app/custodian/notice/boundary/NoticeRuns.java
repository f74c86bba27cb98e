package app.custodian.notice.boundary;

import app.custodian.jobs.boundary.JobExecutionView;
import app.custodian.jobs.boundary.JobRuns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;

/**
 * A notice job's run as the portal shows it: its status and the counts of its report ({@code GET
 * /api/v1/jobs/executions/{id}}). Counts only, never personal data.
 */
@ApplicationScoped
public class NoticeRuns {

  @Inject JobRuns runs;

  /** One run: its batch status, whether it still runs, and what it sent so far. */
  public record Run(
      long executionId,
      String batchStatus,
      boolean live,
      long sent,
      long failed,
      long uncertain,
      long skipped)
      implements Serializable {}

  public Optional<Run> find(Long executionId) {
    if (executionId == null) {
      return Optional.empty();
    }
    return runs.find(executionId).map(view -> run(view, runs.isLive(executionId)));
  }

  private static Run run(JobExecutionView view, boolean live) {
    Map<?, ?> report = view.report() instanceof Map<?, ?> map ? map : Map.of();
    return new Run(
        view.executionId(),
        view.batchStatus(),
        live,
        count(report, "sent"),
        count(report, "failed"),
        count(report, "uncertain"),
        count(report, "skipped"));
  }

  private static long count(Map<?, ?> report, String key) {
    return report.get(key) instanceof Number n ? n.longValue() : 0;
  }
}
