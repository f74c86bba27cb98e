package app.custodian.policy.boundary;

import app.custodian.notice.boundary.NoticeReport;
import app.custodian.notice.entity.NoticeKind;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code {"policyVersion","sent","failed","uncertain","skipped"}} of a policy-notice run. */
@ApplicationScoped
public class PolicyNoticeReport extends NoticeReport {

  @Override
  public String jobName() {
    return PolicyNoticeJob.NAME;
  }

  @Override
  protected NoticeKind kind() {
    return NoticeKind.POLICY;
  }

  @Override
  protected String referenceParameter() {
    return PolicyNoticeJob.VERSION;
  }
}
