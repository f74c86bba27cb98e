package app.custodian.platform.boundary.web;

import app.custodian.platform.boundary.LocalCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Times and dates on screen: day first, in the company's time zone ({@code CUSTODIAN_ZONE}). */
@Named("fmt")
@ApplicationScoped
public class PortalFormats {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Inject LocalCalendar calendar;

  public String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant.atZone(calendar.zone()));
  }

  public String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  /** Now on the company's wall clock: the latest time a date picker offers. */
  public LocalDateTime getNow() {
    return calendar.now();
  }

  public String zone() {
    return calendar.zone().getId();
  }
}
