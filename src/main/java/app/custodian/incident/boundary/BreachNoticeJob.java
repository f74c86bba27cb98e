package app.custodian.incident.boundary;

import java.util.Properties;

/** The {@code breach-notice} job: parameter {@code incidentId}, optional {@code chunkSize}. */
public final class BreachNoticeJob {

  public static final String NAME = "breach-notice";
  public static final String INCIDENT = "incidentId";

  private BreachNoticeJob() {}

  public static Properties parameters(String incidentId) {
    Properties parameters = new Properties();
    parameters.setProperty(INCIDENT, incidentId);
    return parameters;
  }
}
