package app.custodian.incident.boundary;

import app.custodian.notice.boundary.NoticeReport;
import app.custodian.notice.entity.NoticeKind;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code {"incidentId","sent","failed","uncertain","skipped"}} of a breach-notice run. */
@ApplicationScoped
public class BreachNoticeReport extends NoticeReport {

  @Override
  public String jobName() {
    return BreachNoticeJob.NAME;
  }

  @Override
  protected NoticeKind kind() {
    return NoticeKind.INCIDENT;
  }

  @Override
  protected String referenceParameter() {
    return BreachNoticeJob.INCIDENT;
  }
}
