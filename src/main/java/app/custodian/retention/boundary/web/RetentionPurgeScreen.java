package app.custodian.retention.boundary.web;

import app.custodian.jobs.boundary.JobExecutionView;
import app.custodian.jobs.boundary.JobRuns;
import app.custodian.platform.boundary.web.PortalMessages;
import app.custodian.retention.boundary.PurgeReport;
import app.custodian.retention.boundary.RetentionPurgeStarter;
import app.custodian.retention.boundary.RetentionSettings;
import app.custodian.retention.control.RetentionPolicy;
import app.custodian.retention.control.RetentionRule;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The retention purge on {@code /jobs/list.xhtml}: a dry run first, showing who would go and by
 * which rule (customer ids only, as the API's report), and only then the real run, confirmed.
 */
@Named
@ViewScoped
public class RetentionPurgeScreen implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Set<String> ACTIVE = Set.of("STARTING", "STARTED", "STOPPING");

  /** One customer the dry run found due, the rule and the rule in words. */
  public record Due(String customerId, String rule, String reason) implements Serializable {}

  @Inject RetentionPurgeStarter starter;
  @Inject JobRuns runs;
  @Inject PortalMessages messages;
  @Inject RetentionSettings settings;

  private Long dryRun;
  private String dryRunStatus;
  private List<Due> due;

  public void startDryRun() {
    messages
        .attempt(() -> starter.start(true))
        .ifPresent(
            execution -> {
              dryRun = execution;
              due = null;
              messages.info("jobs.dryRunStarted", execution);
            });
  }

  /** The real purge, offered once a dry run has completed on this page. */
  public void purge() {
    if (!isDryRunDone()) {
      return;
    }
    messages
        .attempt(() -> starter.start(false))
        .ifPresent(
            execution -> {
              dryRun = null;
              due = null;
              messages.info("jobs.purgeStarted", execution);
            });
  }

  /** Whether this page's dry run completed; reads its report once it has. */
  public boolean isDryRunDone() {
    if (due == null && dryRun != null) {
      Optional<JobExecutionView> execution = runs.find(dryRun);
      dryRunStatus = execution.map(JobExecutionView::batchStatus).orElse(null);
      if ("COMPLETED".equals(dryRunStatus)
          && execution.get().report() instanceof PurgeReport.Report report) {
        RetentionPolicy policy = settings.policy();
        due =
            report.customers().stream()
                .map(i -> new Due(i.customerId(), i.rule(), reason(i.rule(), policy)))
                .toList();
      }
    }
    return due != null;
  }

  /** The rule in the reader's words, with the period configured for it. */
  private String reason(String rule, RetentionPolicy policy) {
    return switch (RetentionRule.valueOf(rule)) {
      case CONTRACT_ENDED -> messages.text("jobs.rule.CONTRACT_ENDED", policy.afterContractEnd());
      case LEAD_INACTIVE -> messages.text("jobs.rule.LEAD_INACTIVE", policy.leadInactivity());
    };
  }

  /** Whether this page's dry run is still going: the page polls until it is not. */
  public boolean isWaiting() {
    return dryRun != null
        && !isDryRunDone()
        && (dryRunStatus == null || ACTIVE.contains(dryRunStatus));
  }

  public Long getDryRun() {
    return dryRun;
  }

  public String getDryRunStatus() {
    return dryRunStatus;
  }

  public List<Due> getDue() {
    return due == null ? List.of() : due;
  }
}
