package app.custodian.retention.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.mail.boundary.MailGateway;
import app.custodian.security.control.BlindIndex;
import app.custodian.testing.JobTestCase;
import app.custodian.testing.JobTestbed;
import app.custodian.testing.JobsOnJBeret;
import app.custodian.testing.Queries;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code retention-purge} job on JBeret SE against real PostgreSQL: whom the retention rules
 * select (P90D after the last contract's end; leads with no contract, no granted consent and no
 * activity for P730D), never anyone under legal hold; what a dry run records; and that a purged
 * person leaves nothing behind but their tombstone, their audit entry and their address's blind
 * index on the suppression list.
 */
class RetentionPurgeJobTest extends JobTestCase {

  static final String JOB = "retention-purge";

  static BlindIndex index;

  LocalDate today;
  Instant threeYearsAgo;
  People people;

  /** Someone seeded, with what identifies them. */
  record Person(String id, String fullName, String email) {}

  record People(
      Person contractEnded,
      Person oneContractStillRunning,
      Person contractEndedRecently,
      Person inactiveLead,
      Person consentingLead,
      Person recentlyActiveLead,
      Person underLegalHold) {

    List<Person> all() {
      return List.of(
          contractEnded,
          oneContractStillRunning,
          contractEndedRecently,
          inactiveLead,
          consentingLead,
          recentlyActiveLead,
          underLegalHold);
    }

    List<Person> purged() {
      return List.of(contractEnded, inactiveLead);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    index = JobsOnJBeret.bean(BlindIndex.class);
  }

  @BeforeEach
  void seed() throws Exception {
    bed.empty(
        db,
        "customer",
        "customer_name_word",
        "contract",
        "consent_event",
        "consent_state",
        "consent_notice",
        "campaign",
        "delivery",
        "renewal_reminder",
        "suppression",
        "tombstone",
        "purge_preview",
        "audit_entry");
    today = JobTestbed.today();
    threeYearsAgo = Instant.now().minus(Duration.ofDays(3 * 365));
    people = seedPeople();
  }

  @Test
  void aDryRunDeletesNothingAndPreviewsWhoWouldGo() throws Exception {
    JobExecution dryRun = run(true);

    assertEquals(BatchStatus.COMPLETED, dryRun.getBatchStatus());
    assertEquals(2, metric(dryRun, Metric.MetricType.READ_COUNT));
    assertEquals(0, metric(dryRun, Metric.MetricType.FILTER_COUNT));
    assertEquals(2, metric(dryRun, Metric.MetricType.WRITE_COUNT));
    assertEquals(
        sorted(
            people.contractEnded().id() + " CONTRACT_ENDED",
            people.inactiveLead().id() + " LEAD_INACTIVE"),
        Queries.rows(
            db,
            "select customer_id, rule from purge_preview where execution_id = ? order by 1",
            dryRun.getExecutionId()));
    assertEquals(2, Queries.count(db, "select count(*) from purge_preview"));
    assertEquals(
        ids(people.all()), Queries.column(db, "select id from customer order by id"), "none gone");
    assertEquals(0, Queries.count(db, "select count(*) from tombstone"));
    assertEquals(0, Queries.count(db, "select count(*) from audit_entry"));
    assertEquals(0, Queries.count(db, "select count(*) from suppression"));
    assertNoCustomerInTheParametersOf(dryRun);
  }

  @Test
  void aRunPurgesExactlyWhomTheRulesSelectAndLeavesOnlyTombstoneAuditAndSuppression()
      throws Exception {
    Person ended = people.contractEnded();
    assertEquals(
        Set.of(
            "customer",
            "customer_name_word",
            "contract",
            "consent_event",
            "consent_state",
            "consent_notice",
            "delivery",
            "renewal_reminder"),
        tablesHolding(ended.id()),
        "the search finds a customer's rows wherever they are");
    JobExecution dryRun = run(true);
    assertEquals(BatchStatus.COMPLETED, dryRun.getBatchStatus());

    JobExecution purge = run(false);

    assertEquals(BatchStatus.COMPLETED, purge.getBatchStatus());
    assertEquals(2, metric(purge, Metric.MetricType.READ_COUNT));
    assertEquals(2, metric(purge, Metric.MetricType.WRITE_COUNT));
    List<Person> kept =
        people.all().stream().filter(person -> !people.purged().contains(person)).toList();
    assertEquals(ids(kept), Queries.column(db, "select id from customer order by id"));
    assertTrue(kept.contains(people.underLegalHold()));
    long execution = purge.getExecutionId();
    assertEquals(
        sorted(
            ended.id() + " CONTRACT_ENDED " + execution,
            people.inactiveLead().id() + " LEAD_INACTIVE " + execution),
        Queries.rows(db, "select customer_id, rule, execution_id from tombstone order by 1"));
    assertEquals(
        sorted(
            ended.id() + " retention-purge rule CONTRACT_ENDED, execution " + execution,
            people.inactiveLead().id()
                + " retention-purge rule LEAD_INACTIVE, execution "
                + execution),
        Queries.rows(
            db,
            "select customer_id, actor, detail from audit_entry"
                + " where action = 'CUSTOMER_PURGED' order by 1"));
    for (Person person : people.purged()) {
      String emailIndex = index.email(person.email());
      assertEquals(
          List.of("ALL ERASED"),
          Queries.rows(
              db, "select scope, reason from suppression where address_index = ?", emailIndex));
      assertEquals(
          Set.of("audit_entry", "tombstone"),
          tablesHolding(person.id()),
          "nothing but the tombstone and the audit entry names " + person);
      assertEquals(Set.of("suppression"), tablesHolding(emailIndex), "email index of " + person);
      for (String word : index.nameWords(person.fullName())) {
        assertEquals(Set.of(), tablesHolding(word), "a name word index of " + person);
      }
    }
    for (Person person : kept) {
      assertTrue(tablesHolding(person.id()).contains("customer"), person + " is kept whole");
      assertEquals(
          0,
          Queries.count(
              db,
              "select count(*) from suppression where address_index = ?",
              index.email(person.email())));
    }

    JobExecution again = run(false);

    assertEquals(BatchStatus.COMPLETED, again.getBatchStatus());
    assertEquals(0, metric(again, Metric.MetricType.READ_COUNT));
    assertEquals(0, metric(again, Metric.MetricType.WRITE_COUNT));
    assertEquals(ids(kept), Queries.column(db, "select id from customer order by id"));
    assertEquals(2, Queries.count(db, "select count(*) from tombstone"));
    assertNoCustomerInTheParametersOf(dryRun, purge, again);
  }

  @Test
  void aPurgedPersonsOutboxMessagesGoOnceTheirDeletionCommitsAndNotWhenItRollsBack()
      throws Exception {
    Path outbox = JobsOnJBeret.bean(MailGateway.class).settings().outboxDir();
    List<Person> purged =
        people.purged().stream().sorted(Comparator.comparing(Person::id)).toList();
    Person first = purged.get(0);
    Person failing = purged.get(1); // purged after the first, one per chunk
    Path firstMessage = message(outbox, first.id());
    Path failingMessage = message(outbox, failing.id());
    Path keptMessage = message(outbox, people.consentingLead().id());
    Path notAboutACustomer = Files.writeString(outbox.resolve(UUID.randomUUID() + ".eml"), "x");
    try (Statement sql = db.createStatement()) {
      sql.execute(
          "create or replace function refuse_tombstone() returns trigger language plpgsql"
              + " as $$ begin raise exception 'the test refuses this tombstone'; end $$");
      sql.execute(
          "create trigger refuse_tombstone before insert on tombstone for each row"
              + " when (new.customer_id = '"
              + failing.id()
              + "') execute function refuse_tombstone()");
    }
    JobExecution failed;
    try {
      failed = run(false);
    } finally {
      try (Statement sql = db.createStatement()) {
        sql.execute("drop trigger refuse_tombstone on tombstone");
        sql.execute("drop function refuse_tombstone()");
      }
    }

    assertEquals(BatchStatus.FAILED, failed.getBatchStatus());
    assertFalse(Files.exists(firstMessage.getParent()), "gone with the committed deletion");
    assertTrue(Files.exists(failingMessage), "a rolled-back deletion leaves the outbox as it was");
    assertEquals(1, Queries.count(db, "select count(*) from customer where id = ?", failing.id()));

    JobExecution again = run(false);

    assertEquals(BatchStatus.COMPLETED, again.getBatchStatus());
    assertFalse(Files.exists(failingMessage.getParent()), "gone once the deletion committed");
    assertTrue(Files.exists(keptMessage), "a kept customer's messages stay");
    assertTrue(Files.exists(notAboutACustomer), "messages about nobody in particular stay");
    Files.delete(keptMessage);
    Files.delete(keptMessage.getParent());
    Files.delete(notAboutACustomer);
  }

  /** A message about the customer in their outbox folder, as the outbox keeps it. */
  static Path message(Path outbox, String customerId) throws Exception {
    Path folder = Files.createDirectories(outbox.resolve(customerId));
    return Files.writeString(
        folder.resolve("20260101-000000-000-" + UUID.randomUUID() + ".eml"), "To: someone");
  }

  // --- the people

  People seedPeople() throws Exception {
    Instant twoYearsAgo = Instant.now().minus(Duration.ofDays(2 * 365));
    Instant oneYearAgo = Instant.now().minus(Duration.ofDays(365));

    Person contractEnded = person("Đặng Quốc Bảo", "bao@example.vn", twoYearsAgo);
    String contract = contract(contractEnded, "HD-1", -465, -100);
    String grant =
        seeds.consent(contractEnded.id(), "RENEWAL_REMINDER", true, twoYearsAgo); // no matter
    seeds.consent(contractEnded.id(), "NEWSLETTER", true, oneYearAgo);
    seeds.renewalReminderSent(
        contract, 7, contractEnded.id(), grant, Instant.now().minus(Duration.ofDays(107)));
    String campaign = seeds.campaign("NEWSLETTER", true, "Tin", "{{unsubscribeUrl}}");
    seeds.delivery(campaign, contractEnded.id(), grant, oneYearAgo);
    seeds.consentNotice(contractEnded.id(), "GRANTED", "NEWSLETTER");

    Person oneContractStillRunning = person("Hồ Minh Châu", "chau@example.vn", twoYearsAgo);
    contract(oneContractStillRunning, "HD-2a", -465, -100);
    contract(oneContractStillRunning, "HD-2b", -100, 200);

    Person contractEndedRecently = person("Lý Thanh Dung", "dung@example.vn", twoYearsAgo);
    contract(contractEndedRecently, "HD-3", -395, -30);

    Person inactiveLead = person("Vũ Hải Yến", "yen@example.vn", threeYearsAgo);

    Person consentingLead = person("Trịnh Gia Khang", "khang@example.vn", threeYearsAgo);
    seeds.consent(consentingLead.id(), "NEWSLETTER", true, threeYearsAgo);

    Person recentlyActiveLead = person("Mai Phương Linh", "linh@example.vn", threeYearsAgo);
    seeds.consent(recentlyActiveLead.id(), "NEWSLETTER", true, threeYearsAgo);
    seeds.consent(recentlyActiveLead.id(), "NEWSLETTER", false, oneYearAgo);

    Person underLegalHold = person("Tạ Đức Toàn", "toan@example.vn", twoYearsAgo);
    contract(underLegalHold, "HD-7", -465, -100);
    seeds.legalHold(underLegalHold.id(), "Vụ kiện 2025/17");

    return new People(
        contractEnded,
        oneContractStillRunning,
        contractEndedRecently,
        inactiveLead,
        consentingLead,
        recentlyActiveLead,
        underLegalHold);
  }

  Person person(String fullName, String email, Instant createdAt) throws Exception {
    return new Person(seeds.customer(fullName, email, "vi", createdAt), fullName, email);
  }

  /** A contract from {@code fromDays} to {@code toDays} away from today (negative: past). */
  String contract(Person person, String reference, int fromDays, int toDays) throws Exception {
    return seeds.contract(
        person.id(), reference, today.plusDays(fromDays), today.plusDays(toDays), null);
  }

  // --- helpers

  static JobExecution run(boolean dryRun) {
    Properties parameters = new Properties();
    parameters.setProperty(RetentionPurgeJob.DRY_RUN, String.valueOf(dryRun));
    parameters.setProperty("chunkSize", "1");
    return bed.run(JOB, parameters);
  }

  static long metric(JobExecution execution, Metric.MetricType type) {
    return JobsOnJBeret.metric(execution, "purge", type);
  }

  /**
   * The tables of the schema in which some text column holds the value, whole or within: every
   * table and column found in information_schema, so a table added later is searched too.
   */
  static Set<String> tablesHolding(String value) throws Exception {
    List<String[]> columns = new ArrayList<>();
    try (PreparedStatement query =
            db.prepareStatement(
                "select c.table_name, c.column_name from information_schema.columns c"
                    + " join information_schema.tables t"
                    + " on t.table_schema = c.table_schema and t.table_name = c.table_name"
                    + " where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'"
                    + " and c.data_type in ('character varying', 'character', 'text')"
                    + " order by 1, 2");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        columns.add(new String[] {rows.getString(1), rows.getString(2)});
      }
    }
    assertTrue(columns.size() > 30, "the schema's text columns: " + columns.size());
    Set<String> tables = new TreeSet<>();
    for (String[] column : columns) {
      String sql =
          "select count(*) from \"" + column[0] + "\" where strpos(\"" + column[1] + "\", ?) > 0";
      if (Queries.count(db, sql, value) > 0) {
        tables.add(column[0]);
      }
    }
    return tables;
  }

  /** The batch repository (in memory on JBeret SE) keeps job parameters; none names a person. */
  void assertNoCustomerInTheParametersOf(JobExecution... executions) {
    for (JobExecution execution : executions) {
      Properties parameters = JobsOnJBeret.operator().getParameters(execution.getExecutionId());
      assertEquals(
          Set.of(RetentionPurgeJob.DRY_RUN, "chunkSize"), parameters.stringPropertyNames());
      for (Map.Entry<Object, Object> parameter : parameters.entrySet()) {
        String text = parameter.getKey() + "=" + parameter.getValue();
        for (Person person : people.all()) {
          for (String identifying :
              List.of(
                  person.id(), person.email(), person.fullName(), index.email(person.email()))) {
            assertFalse(text.contains(identifying), text + " names " + person);
          }
        }
      }
    }
  }

  static List<String> ids(List<Person> people) {
    return people.stream().map(Person::id).sorted().toList();
  }

  static List<String> sorted(String... rows) {
    return Stream.of(rows).sorted().toList();
  }
}
