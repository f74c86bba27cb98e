package app.custodian.renewal.boundary;

import app.custodian.platform.boundary.LocalCalendar;
import app.custodian.renewal.control.RenewalSchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** When reminders are due, as configured. */
@ApplicationScoped
public class RenewalSettings {

  @Inject
  @ConfigProperty(name = "custodian.renewal.offsets", defaultValue = "30,7,1")
  String offsets;

  @Inject LocalCalendar calendar;

  public RenewalSchedule schedule() {
    return RenewalSchedule.parse(offsets);
  }

  public LocalDate today() {
    return calendar.today();
  }
}
