package app.custodian.retention.boundary;

import app.custodian.platform.boundary.LocalCalendar;
import app.custodian.retention.control.RetentionPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The retention rules as configured. */
@ApplicationScoped
public class RetentionSettings {

  @Inject
  @ConfigProperty(name = "custodian.retention.after.contract.end", defaultValue = "P90D")
  String afterContractEnd;

  @Inject
  @ConfigProperty(name = "custodian.retention.lead.inactivity", defaultValue = "P730D")
  String leadInactivity;

  @Inject LocalCalendar calendar;

  public RetentionPolicy policy() {
    return RetentionPolicy.of(afterContractEnd, leadInactivity, calendar.zone().getId());
  }
}
