package app.custodian.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

  /** The wall-clock time here now, as a person in the company would read it. */
  public LocalDateTime now() {
    return LocalDateTime.now(zone());
  }

  /** A time a person entered on a wall clock here, as an instant; null stays null. */
  public Instant instantOf(LocalDateTime local) {
    return local == null ? null : local.atZone(zone()).toInstant();
  }

  /** An instant as a wall-clock time here; null stays null. */
  public LocalDateTime localOf(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, zone());
  }
}
