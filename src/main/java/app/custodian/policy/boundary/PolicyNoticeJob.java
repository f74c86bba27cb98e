package app.custodian.policy.boundary;

import java.util.Properties;

/** The {@code policy-notice} job: parameter {@code policyVersion}, optional {@code chunkSize}. */
public final class PolicyNoticeJob {

  public static final String NAME = "policy-notice";
  public static final String VERSION = "policyVersion";

  private PolicyNoticeJob() {}

  public static Properties parameters(String version) {
    Properties parameters = new Properties();
    parameters.setProperty(VERSION, version);
    return parameters;
  }
}
