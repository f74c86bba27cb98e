package app.custodian.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code CUSTODIAN_ZONE}: the time zone that decides "today" for dates, deadlines and nights. */
@ApplicationScoped
public class LocalCalendar {

  @Inject
  @ConfigProperty(name = "custodian.zone", defaultValue = "Asia/Ho_Chi_Minh")
  String zone;

  public ZoneId zone() {
    return ZoneId.of(zone.strip());
  }

  public LocalDate today() {
    return LocalDate.now(zone());
  }
}
