package app.custodian.jobs.boundary;

import app.custodian.platform.boundary.web.PagedModel;
import app.custodian.platform.boundary.web.PortalMessages;
import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code /jobs/list.xhtml}: every job's executions, newest first, each with its report (ids and
 * counts, as the API shows it); restarting a failed or stopped one. Running rows refresh by poll.
 */
@Named
@ViewScoped
public class JobListScreen implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Set<String> RUNNING = Set.of("STARTING", "STARTED", "STOPPING");
  private static final Set<String> RESTARTABLE = Set.of("FAILED", "STOPPED");

  @Inject JobRuns runs;
  @Inject PortalMessages messages;

  private boolean anyRunning;
  private final Map<Long, String> reports = new HashMap<>();
  private final PagedModel<JobExecutionView> model =
      new PagedModel<>(this::page, e -> Long.toString(e.executionId()));

  private Page<JobExecutionView> page(PageRequest request) {
    Page<JobExecutionView> page = runs.list(request);
    if (request.size() > 1) { // not the table's count
      anyRunning = page.items().stream().anyMatch(JobListScreen::running);
    }
    return page;
  }

  public PagedModel<JobExecutionView> getModel() {
    return model;
  }

  /** Whether a row on the page shown runs: the poll stops when none does. */
  public boolean isAnyRunning() {
    return anyRunning;
  }

  /** The execution's report as indented JSON, read once it ended; "" for a job without one. */
  public String report(long executionId) {
    String cached = reports.get(executionId);
    if (cached != null) {
      return cached;
    }
    var execution = runs.find(executionId);
    if (execution.isEmpty() || execution.get().report() == null) {
      return "";
    }
    String json = json(execution.get().report());
    if (!running(execution.get())) {
      reports.put(executionId, json);
    }
    return json;
  }

  public void restart(long executionId) {
    messages
        .attempt(() -> runs.restart(executionId))
        .ifPresent(restarted -> messages.info("jobs.restarted", executionId, restarted));
  }

  public boolean restartable(JobExecutionView execution) {
    return RESTARTABLE.contains(execution.batchStatus()) || execution.orphaned();
  }

  static boolean running(JobExecutionView execution) {
    return RUNNING.contains(execution.batchStatus()) && !execution.orphaned();
  }

  private static String json(Object report) {
    try (Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withFormatting(true))) {
      return jsonb.toJson(report);
    } catch (Exception e) {
      throw new IllegalStateException("Could not show the report", e);
    }
  }
}
