package app.custodian.bench;

import app.custodian.security.control.BlindIndex;
import app.custodian.security.control.FieldCipher;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes the retention benchmark's customers straight into Custodian's tables with {@code COPY}, as
 * the application would have written them: personal fields encrypted and blind indexes computed
 * with the application's own classes and keys. Every customer has three name words, two consent
 * events and their consent state; what else depends on its {@link Kind}. Each kind is marked in
 * {@code customer.source}, so a count by source tells who is left.
 */
final class PurgeSeeder {

  /** What a customer looks like to the retention rules (CUSTODIAN_ZONE Asia/Ho_Chi_Minh). */
  enum Kind {
    /** One contract that ended 200 days ago (every fifth: terminated early, 200 days ago). */
    DUE("bench-due"),
    /** One contract that ends in 200 days. */
    CURRENT("bench-current"),
    /** A contract that ended 565 days ago and its renewal, which ends in 200 days. */
    RENEWED("bench-renewed"),
    /** No contract, an old record, but a granted consent (NEWSLETTER and SURVEY). */
    CONSENTED("bench-consented");

    final String source;

    Kind(String source) {
      this.source = source;
    }

    /** The kind of customer n that is not due: half current, a quarter each renewed, consented. */
    static Kind staying(int n) {
      return switch (n % 4) {
        case 0, 1 -> CURRENT;
        case 2 -> RENEWED;
        default -> CONSENTED;
      };
    }
  }

  /** Rows written, by table. */
  record Tally(
      long customers,
      long due,
      long nameWords,
      long consentEvents,
      long consentStates,
      long contracts) {
    long rows() {
      return customers + nameWords + consentEvents + consentStates + contracts;
    }

    Tally plus(Tally o) {
      return new Tally(
          customers + o.customers,
          due + o.due,
          nameWords + o.nameWords,
          consentEvents + o.consentEvents,
          consentStates + o.consentStates,
          contracts + o.contracts);
    }
  }

  private static final int BLOCK = 10_000;
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");
  private static final HexFormat HEX = HexFormat.of();

  private final FieldCipher cipher;
  private final BlindIndex index;
  private final LocalDate today;
  private final OffsetDateTime now;
  private final Map<String, Set<String>> wordsByName = new HashMap<>();
  private int dueSeen;

  PurgeSeeder(FieldCipher cipher, BlindIndex index, LocalDate today, Instant now) {
    this.cipher = cipher;
    this.index = index;
    this.today = today;
    this.now = now.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  /**
   * Writes customers {@code from} to {@code from + count - 1} (the number sets the address and
   * name), committing every block, then analyses the tables as autovacuum would have.
   */
  Tally seed(Connection connection, int from, int count, IntFunction<Kind> kindOf)
      throws SQLException, IOException {
    connection.setAutoCommit(false);
    try (Statement settings = connection.createStatement()) {
      settings.execute("set synchronous_commit = off"); // seeding is not what is measured
    }
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    long started = System.nanoTime();
    long lastReport = started;
    Tally total = new Tally(0, 0, 0, 0, 0, 0);
    for (int block = from; block < from + count; block += BLOCK) {
      Block rows = new Block();
      int end = Math.min(from + count, block + BLOCK);
      for (int n = block; n < end; n++) {
        customer(rows, n, kindOf.apply(n));
      }
      rows.copy(copy);
      connection.commit();
      total = total.plus(rows.tally());
      long clock = System.nanoTime();
      if (clock - lastReport >= 10_000_000_000L) {
        System.out.printf(
            "  seeded %,d of %,d (%.0f customers/s)%n",
            end - from, count, (end - from) / ((clock - started) / 1e9));
        lastReport = clock;
      }
    }
    connection.setAutoCommit(true);
    return total;
  }

  private void customer(Block rows, int n, Kind kind) {
    String id = UUID.randomUUID().toString();
    String name = Audience.fullName(n);
    String email = "r" + n + "@purge.bench.example.vn";
    OffsetDateTime created = now.minusDays(800 + n % 400);
    rows.customers
        .append(id)
        .append('\t')
        .append(bytea(cipher.encrypt(name)))
        .append('\t')
        .append(bytea(cipher.encrypt(email)))
        .append('\t')
        .append(index.email(email))
        .append("\tvi\t")
        .append(kind.source)
        .append('\t')
        .append(timestamp(created))
        .append('\t')
        .append(timestamp(created))
        .append("\t0\n");
    rows.customerCount++;
    for (String word : wordsByName.computeIfAbsent(name, index::nameWords)) {
      rows.words.append(id).append('\t').append(word).append('\n');
      rows.wordCount++;
    }
    boolean consented = kind == Kind.CONSENTED;
    String granted = event(rows, id, "NEWSLETTER", true, created.plusDays(1));
    String second =
        consented
            ? event(rows, id, "SURVEY", true, created.plusDays(2))
            : event(rows, id, "NEWSLETTER", false, created.plusDays(30));
    if (consented) {
      state(rows, id, "NEWSLETTER", true, created.plusDays(1), granted);
      state(rows, id, "SURVEY", true, created.plusDays(2), second);
    } else {
      state(rows, id, "NEWSLETTER", false, created.plusDays(30), second);
    }
    switch (kind) {
      case DUE -> {
        rows.due++;
        if (dueSeen++ % 5 == 0) { // terminated early: ended_on before ends_on
          contract(rows, id, n, 1, today.minusDays(400), today.plusDays(165), today.minusDays(200));
        } else {
          contract(rows, id, n, 1, today.minusDays(565), today.minusDays(200), null);
        }
      }
      case CURRENT -> contract(rows, id, n, 1, today.minusDays(165), today.plusDays(200), null);
      case RENEWED -> {
        contract(rows, id, n, 1, today.minusDays(930), today.minusDays(565), null);
        contract(rows, id, n, 2, today.minusDays(564), today.plusDays(200), null);
      }
      case CONSENTED -> {}
    }
  }

  private static String event(
      Block rows, String customerId, String purpose, boolean granted, OffsetDateTime at) {
    String id = UUID.randomUUID().toString();
    rows.events
        .append(id)
        .append('\t')
        .append(customerId)
        .append('\t')
        .append(purpose)
        .append('\t')
        .append(granted)
        .append("\ttrue\t")
        .append(timestamp(at))
        .append("\tbench\tbench-seed\t2024-01\n");
    rows.eventCount++;
    return id;
  }

  private static void state(
      Block rows,
      String customerId,
      String purpose,
      boolean granted,
      OffsetDateTime since,
      String eventId) {
    rows.states
        .append(customerId)
        .append('\t')
        .append(purpose)
        .append('\t')
        .append(granted)
        .append('\t')
        .append(timestamp(since))
        .append('\t')
        .append(eventId)
        .append('\n');
    rows.stateCount++;
  }

  private void contract(
      Block rows,
      String customerId,
      int n,
      int number,
      LocalDate startsOn,
      LocalDate endsOn,
      LocalDate endedOn) {
    rows.contracts
        .append(UUID.randomUUID())
        .append('\t')
        .append(customerId)
        .append("\tHD-")
        .append(n)
        .append('-')
        .append(number)
        .append("\tInternet cáp quang 100 Mbps\t")
        .append(startsOn)
        .append('\t')
        .append(endsOn)
        .append('\t')
        .append(endedOn == null ? "\\N" : endedOn.toString())
        .append('\t')
        .append(timestamp(now.minusDays(900)))
        .append('\n');
    rows.contractCount++;
  }

  /** COPY's text format: a backslash is written twice, so bytea's hex form is \\x... */
  private static String bytea(byte[] value) {
    return "\\\\x" + HEX.formatHex(value);
  }

  private static String timestamp(OffsetDateTime value) {
    return TIMESTAMP.format(value);
  }

  /** One block's rows, as COPY text, table by table. */
  private static final class Block {
    final StringBuilder customers = new StringBuilder(1 << 22);
    final StringBuilder words = new StringBuilder(1 << 22);
    final StringBuilder events = new StringBuilder(1 << 22);
    final StringBuilder states = new StringBuilder(1 << 21);
    final StringBuilder contracts = new StringBuilder(1 << 21);
    long customerCount;
    long due;
    long wordCount;
    long eventCount;
    long stateCount;
    long contractCount;

    void copy(CopyManager copy) throws SQLException, IOException {
      copy.copyIn(
          "copy customer (id, full_name, email, email_index, locale, source, created_at,"
              + " updated_at, version) from stdin",
          new StringReader(customers.toString()));
      copy.copyIn(
          "copy customer_name_word (customer_id, word_index) from stdin",
          new StringReader(words.toString()));
      copy.copyIn(
          "copy consent_event (id, customer_id, purpose, granted, applied, at, actor, source,"
              + " policy_version) from stdin",
          new StringReader(events.toString()));
      copy.copyIn(
          "copy consent_state (customer_id, purpose, granted, since, event_id) from stdin",
          new StringReader(states.toString()));
      copy.copyIn(
          "copy contract (id, customer_id, reference, service, starts_on, ends_on, ended_on,"
              + " created_at) from stdin",
          new StringReader(contracts.toString()));
    }

    Tally tally() {
      return new Tally(customerCount, due, wordCount, eventCount, stateCount, contractCount);
    }
  }
}
