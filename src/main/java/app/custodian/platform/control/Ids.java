package app.custodian.platform.control;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;

/** Ids are UUID strings; anything else names nothing. */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /**
   * A UUID of version 7 (RFC 9562): the time in milliseconds, then 74 random bits. For rows written
   * many at a time (a bulk import's customers, ledger events, audit entries): ids written together
   * sort together, so their indexes grow at one edge and stay in memory, where random ids touch a
   * page anywhere in an index that outgrew it.
   */
  public static String newTimeOrderedId() {
    long millis = System.currentTimeMillis();
    long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0fffL);
    long low = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /** The canonical form of an id, or empty when the text is not a UUID. */
  public static Optional<String> parse(String text) {
    try {
      return Optional.of(UUID.fromString(text).toString());
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
