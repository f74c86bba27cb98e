package app.custodian.privacy.control;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a request arrived, as a client may write it: an instant ({@code 2026-03-02T03:00:00Z}), an
 * offset date-time ({@code 2026-03-02T10:00:00+07:00}) or a plain date (its start in the zone).
 */
public final class ReceivedAt {

  private ReceivedAt() {}

  public static Optional<Instant> parse(String text, ZoneId zone) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String value = text.strip();
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeException e) {
      // not an instant: try the other spellings
    }
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeException e) {
      // not an offset date-time either
    }
    try {
      return Optional.of(LocalDate.parse(value).atStartOfDay(zone).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
