package app.custodian.policy.boundary.web;

import app.custodian.notice.boundary.NoticeRuns;
import app.custodian.platform.boundary.web.PortalMessages;
import app.custodian.platform.control.PageRequest;
import app.custodian.policy.boundary.PolicyInput;
import app.custodian.policy.boundary.PolicyNoticeStarter;
import app.custodian.policy.boundary.PolicyService;
import app.custodian.policy.boundary.PolicyView;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Policy versions: the list, a new version ({@code POST /api/v1/policies}) and the notice to
 * customers of one ({@code POST /api/v1/policies/{v}/notify}), with its run's progress.
 */
@Named
@ViewScoped
public class PolicyScreen implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PolicyService policies;
  @Inject PolicyNoticeStarter starter;
  @Inject NoticeRuns noticeRuns;
  @Inject PortalMessages messages;

  private List<PolicyView> versions = List.of();
  private final Map<Long, NoticeRuns.Run> runs = new HashMap<>();
  private String version;
  private LocalDate effectiveOn;
  private String summaryVi;
  private String summaryEn;
  private boolean adverse;

  @PostConstruct
  public void refresh() {
    versions = policies.list(PageRequest.of(0, PageRequest.MAX_SIZE)).items();
    runs.clear();
    versions.forEach(
        v -> noticeRuns.find(v.notifiedExecutionId()).ifPresent(r -> runs.put(r.executionId(), r)));
  }

  public void create() {
    PolicyInput input = new PolicyInput();
    input.version = version;
    input.effectiveOn = effectiveOn == null ? null : effectiveOn.toString();
    input.summaryVi = summaryVi;
    input.summaryEn = summaryEn;
    input.adverse = adverse;
    if (messages.valid(input) && messages.attempt(() -> policies.create(input)).isPresent()) {
      messages.info("policies.created", version);
      version = null;
      effectiveOn = null;
      summaryVi = null;
      summaryEn = null;
      adverse = false;
      refresh();
    }
  }

  /** Starts the policy-notice job for the version. */
  public void notifyCustomers(String policyVersion) {
    messages
        .attempt(() -> starter.start(policyVersion))
        .ifPresent(id -> messages.info("policies.notifyStarted", policyVersion, id));
    refresh();
  }

  public NoticeRuns.Run run(Long executionId) {
    return executionId == null ? null : runs.get(executionId);
  }

  /** Whether a notice run shown here is still going, so the page keeps polling. */
  public boolean isRunning() {
    return runs.values().stream().anyMatch(NoticeRuns.Run::active);
  }

  public List<PolicyView> getVersions() {
    return versions;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public LocalDate getEffectiveOn() {
    return effectiveOn;
  }

  public void setEffectiveOn(LocalDate effectiveOn) {
    this.effectiveOn = effectiveOn;
  }

  public String getSummaryVi() {
    return summaryVi;
  }

  public void setSummaryVi(String summaryVi) {
    this.summaryVi = summaryVi;
  }

  public String getSummaryEn() {
    return summaryEn;
  }

  public void setSummaryEn(String summaryEn) {
    this.summaryEn = summaryEn;
  }

  public boolean isAdverse() {
    return adverse;
  }

  public void setAdverse(boolean adverse) {
    this.adverse = adverse;
  }
}
