package app.custodian.notice.control;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates written in a notice as its reader expects them: 31/12/2026, or 31 December 2026. */
public final class NoticeDates {

  private static final DateTimeFormatter VI = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter EN =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private NoticeDates() {}

  public static String format(LocalDate date, String locale) {
    return ("en".equals(locale) ? EN : VI).format(date);
  }
}
