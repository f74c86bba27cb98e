package app.custodian.privacy.boundary.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.custodian.testing.JobTestCase;
import app.custodian.testing.JobTestbed;
import app.custodian.testing.Queries;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code expire-requests} step of the nightly {@code retention-purge} job on JBeret SE against
 * real PostgreSQL: closed privacy requests go {@code CUSTODIAN_REQUESTS_RETENTION} (P3Y) after they
 * were closed, with the emails about them still queued, each audited by its ids; open requests and
 * younger ones stay, and a dry run deletes nothing.
 */
class RequestExpiryJobTest extends JobTestCase {

  static final String JOB = "retention-purge";

  String customer;
  String erasedCustomer;
  Instant threeYearsAgo;

  @BeforeEach
  void empty() throws Exception {
    bed.empty(
        db,
        "customer",
        "privacy_request",
        "privacy_notice",
        "tombstone",
        "purge_preview",
        "audit_entry");
    customer = seeds.customer("Phan Thị Hoa", "hoa@example.vn", "vi");
    erasedCustomer = UUID.randomUUID().toString(); // a request outlives the person it was about
    threeYearsAgo = ZonedDateTime.now(JobTestbed.ZONE).minusYears(3).toInstant();
  }

  @Test
  void closedRequestsGoThreeYearsAfterTheyClosedWithTheirQueuedEmails() throws Exception {
    String completed = closed("ACCESS", "COMPLETED", customer, days(-10));
    String refused = closed("ERASURE", "REFUSED", customer, days(-1));
    String erasure = closed("ERASURE", "COMPLETED", erasedCustomer, days(-700));
    String young = closed("RECTIFICATION", "COMPLETED", customer, days(10));
    String open =
        seeds.privacyRequest(
            customer, "OBJECTION", "VERIFIED", threeYearsAgo.minusSeconds(9), null);
    seeds.privacyNotice(customer, refused, "REFUSED");
    seeds.privacyNotice(customer, young, "COMPLETED");

    JobExecution dryRun = run(true);

    assertEquals(BatchStatus.COMPLETED, dryRun.getBatchStatus());
    assertEquals(5, Queries.count(db, "select count(*) from privacy_request"), "a dry run keeps");
    assertEquals(2, Queries.count(db, "select count(*) from privacy_notice"));

    JobExecution run = run(false);

    assertEquals(BatchStatus.COMPLETED, run.getBatchStatus());
    assertEquals(
        sorted(open, young), Queries.column(db, "select id from privacy_request order by id"));
    assertEquals(
        List.of(young),
        Queries.column(db, "select request_id from privacy_notice"),
        "the refusal's queued email went with it");
    long execution = run.getExecutionId();
    assertEquals(
        Stream.of(
                customer + " request " + completed + " ACCESS COMPLETED, execution " + execution,
                customer + " request " + refused + " ERASURE REFUSED, execution " + execution,
                erasedCustomer
                    + " request "
                    + erasure
                    + " ERASURE COMPLETED, execution "
                    + execution)
            .sorted()
            .toList(),
        Queries.rows(
            db,
            "select customer_id, detail from audit_entry where action = 'PRIVACY_REQUEST_EXPIRED'"
                + " and actor = 'retention-purge' order by 1, 2"),
        "one audit entry per request, ids only");
    assertEquals(3, Queries.count(db, "select count(*) from audit_entry"));

    JobExecution again = run(false);

    assertEquals(BatchStatus.COMPLETED, again.getBatchStatus());
    assertEquals(2, Queries.count(db, "select count(*) from privacy_request"));
    assertEquals(3, Queries.count(db, "select count(*) from audit_entry"), "nothing more to do");
  }

  @Test
  void everyDueRequestGoesWhenThereAreMoreThanOneBatch() throws Exception {
    int due = RequestExpiry.BATCH * 2 + 7;
    for (int i = 0; i < due; i++) {
      closed("ACCESS", "COMPLETED", customer, days(-1 - i % 30));
    }
    String young = closed("ACCESS", "COMPLETED", customer, days(1));

    JobExecution run = run(false);

    assertEquals(BatchStatus.COMPLETED, run.getBatchStatus());
    assertEquals(List.of(young), Queries.column(db, "select id from privacy_request"));
    assertEquals(
        due,
        Queries.count(
            db, "select count(*) from audit_entry where action = 'PRIVACY_REQUEST_EXPIRED'"));
  }

  /** A request closed this many days after the moment three years ago (negative: before it). */
  String closed(String type, String status, String customerId, Instant closedAt) throws Exception {
    return seeds.privacyRequest(customerId, type, status, closedAt.minusSeconds(86_400), closedAt);
  }

  Instant days(int days) {
    return threeYearsAgo.plusSeconds(days * 86_400L);
  }

  static JobExecution run(boolean dryRun) {
    Properties parameters = new Properties();
    parameters.setProperty("dryRun", String.valueOf(dryRun));
    return bed.run(JOB, parameters);
  }

  static List<String> sorted(String... ids) {
    return Stream.of(ids).sorted().toList();
  }
}
