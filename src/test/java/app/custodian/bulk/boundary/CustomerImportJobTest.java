package app.custodian.bulk.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.bulk.control.ImportMode;
import app.custodian.bulk.control.ImportTally.RowError;
import app.custodian.security.control.BlindIndex;
import app.custodian.security.control.FieldCipher;
import app.custodian.testing.JobTestCase;
import app.custodian.testing.JobTestbed;
import app.custodian.testing.JobsOnJBeret;
import app.custodian.testing.Queries;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code customer-import} job on JBeret SE against real PostgreSQL: rows checked by the API's
 * rules and refused by row, field and message (never a value), repeated addresses, create and
 * upsert, consent proof through the ledger, suppressed addresses, dry runs, and a restart after a
 * failure that imports every row exactly once.
 */
class CustomerImportJobTest extends JobTestCase {

  static final String JOB = "customer-import";
  static final String HEADER =
      "fullName,email,phone,fax,address,organization,jobTitle,locale,source,"
          + "consent.NEWSLETTER,consent.SURVEY,consentSource,consentPolicyVersion,"
          + "consentCollectedAt,consentEvidence\n";
  static final String ACTOR = "operator-a";

  BulkFiles files;
  ImportProgress progress;
  FieldCipher cipher;
  BlindIndex index;

  @BeforeEach
  void empty() throws Exception {
    bed.empty(db, "customer", "suppression", "audit_entry", "customer_import", "policy_version");
    files = JobsOnJBeret.bean(BulkFiles.class);
    progress = JobsOnJBeret.bean(ImportProgress.class);
    cipher = JobsOnJBeret.bean(FieldCipher.class);
    index = JobsOnJBeret.bean(BlindIndex.class);
  }

  @Test
  void badRowsAreReportedByRowFieldAndMessageNeverWithTheirValuesAndTheOthersAreImported()
      throws Exception {
    String csv =
        HEADER
            + "Nguyễn Văn An,an@example.vn,0912 345 678,,,,,,,,,,,,\n"
            + "Trần Thị Bình,not-an-address,,,,,,,,,,,,,\n"
            + "Lê Văn Cường,cuong@example.vn,12345,,,,,fr,,,,,,,\n"
            + ",dung@example.vn,,,,,,,,,,,,,\n"
            + "Phạm Em,em@example.vn,,,,,,,,withdrawn,,,,,\n"
            + "Hoàng Giang,giang@example.vn,,,,,,,,granted,,,,,\n"
            + "Vũ Hà,ha@example.vn,,,,,,en,,,,,,,,extra-cell\n"
            + "Đỗ Khánh,khanh@example.vn,,,,,,,,granted,,web-form,,2099-01-01T00:00:00Z,\n";

    String importId = start(csv, ImportMode.CREATE, false);
    JobExecution run = bed.run(JOB, parameters(importId, 1000));

    assertEquals(BatchStatus.COMPLETED, run.getBatchStatus());
    ImportView view = view(importId);
    assertEquals("COMPLETED", view.status());
    assertEquals(8, view.rows());
    assertEquals(1, view.created());
    assertEquals(7, view.rejected());
    assertEquals(
        List.of(
            "3 email",
            "4 locale",
            "4 phone",
            "5 fullName",
            "6 consent.NEWSLETTER",
            "7 consentCollectedAt",
            "7 consentSource",
            "8 row",
            "9 consentCollectedAt"),
        view.errors().stream().map(e -> e.row() + " " + e.field()).toList());
    String messages =
        view.errors().stream().map(RowError::message).collect(Collectors.joining("\n"));
    for (String value :
        List.of("not-an-address", "12345", "fr", "dung@", "withdrawn", "extra-cell", "2099")) {
      assertFalse(messages.contains(value), "no value from the file: " + value + "\n" + messages);
    }
    assertEquals(
        List.of(index.email("an@example.vn")),
        Queries.column(db, "select email_index from customer"));
    assertEquals(
        "+84912345678",
        cipher.decrypt(Queries.bytes(db, "select phone from customer")),
        "E.164, as the API stores it");
    assertFalse(files.exists(files.importFile(importId)), "the upload is deleted at the end");
    assertEquals(
        0,
        Queries.count(db, "select count(*) from customer_import_address"),
        "the addresses met are forgotten at the end");
    assertEquals(
        List.of(ACTOR),
        Queries.column(db, "select actor from audit_entry where action = 'CUSTOMER_CREATED'"));
  }

  @Test
  void aRepeatedAddressInTheFileIsRefusedWhateverItsCaseAndTheFirstRowWins() throws Exception {
    String csv =
        HEADER
            + "Nguyễn Văn An,an@example.vn,,,,,,,,,,,,,\n"
            + "Nguyễn Văn An Khác,AN@Example.vn,,,,,,,,,,,,,\n"
            + "Trần Bình,binh@example.vn,,,,,,,,,,,,,\n"
            + "Trần Bình,binh@example.vn,,,,,,,,,,,,,\n";

    // chunks of one row: the repeat is found across chunks, not only within one
    String importId = start(csv, ImportMode.UPSERT, false);
    bed.run(JOB, parameters(importId, 1));

    ImportView view = view(importId);
    assertEquals(2, view.created());
    assertEquals(2, view.rejected());
    assertEquals(
        List.of(
            new RowError(3, "email", "repeats the email address of row 2"),
            new RowError(5, "email", "repeats the email address of row 4")),
        view.errors());
    assertEquals(
        "Nguyễn Văn An",
        cipher.decrypt(
            Queries.bytes(
                db,
                "select full_name from customer where email_index = ?",
                index.email("an@example.vn"))));
  }

  @Test
  void createSkipsAnExistingEmailAndUpsertRectifiesItByTheMergeRulesAudited() throws Exception {
    String existing = seeds.customer("Nguyễn Văn An", "an@example.vn", "vi");
    seeds.execute(
        "update customer set address = ?, phone = ? where id = ?",
        cipher.encrypt("12 Lý Thường Kiệt"),
        cipher.encrypt("+84912345678"),
        existing);
    String csv = HEADER + "Nguyễn Văn Ân,An@Example.vn,0987 654 321,,,Công ty Mới,,en,,,,,,,\n";

    String create = start(csv, ImportMode.CREATE, false);
    bed.run(JOB, parameters(create, 1000));
    ImportView skipped = view(create);
    assertEquals(List.of(0L, 0L, 1L, 0L), counts(skipped));
    assertEquals("Nguyễn Văn An", decrypted("full_name", existing));

    String upsert = start(csv, ImportMode.UPSERT, false);
    bed.run(JOB, parameters(upsert, 1000));
    ImportView rectified = view(upsert);
    assertEquals(List.of(0L, 1L, 0L, 0L), counts(rectified));
    assertEquals("Nguyễn Văn Ân", decrypted("full_name", existing));
    assertEquals("+84987654321", decrypted("phone", existing));
    assertEquals("Công ty Mới", decrypted("organization", existing));
    assertEquals("12 Lý Thường Kiệt", decrypted("address", existing), "an empty cell keeps");
    assertEquals("an@example.vn", decrypted("email", existing), "the key stays as recorded");
    assertEquals(
        "en", Queries.row(db, "select locale from customer where id = ?", existing).get(0));
    assertEquals(
        1,
        Queries.count(
            db,
            "select count(*) from customer_name_word where customer_id = ? and word_index = ?",
            existing,
            index.nameWords("Ân").iterator().next()),
        "found by the new name");
    assertEquals(
        List.of(
            ACTOR
                + " "
                + existing
                + " import "
                + upsert
                + " fields [fullName, phone, organization, locale]"),
        Queries.rows(
            db,
            "select actor, customer_id, detail from audit_entry where action = 'CUSTOMER_RECTIFIED'"));

    String again = start(csv, ImportMode.UPSERT, false);
    bed.run(JOB, parameters(again, 1000));
    assertEquals(List.of(0L, 0L, 1L, 0L), counts(view(again)), "nothing left to change");
  }

  @Test
  void grantsAreRecordedThroughTheLedgerWithTheirProof() throws Exception {
    seeds.policy("2026-01", LocalDate.of(2026, 1, 1), "vi", "en", false);
    String csv =
        HEADER
            + "Nguyễn Văn An,an@example.vn,,,,,,,,granted,granted,quầy Hà Nội,2025-07,"
            + "2026-03-02T09:30:00+07:00,phiếu số 12\n"
            + "Trần Bình,binh@example.vn,,,,,,,,granted,,web-form,,2026-05-01T00:00:00Z,\n";

    String importId = start(csv, ImportMode.CREATE, false);
    bed.run(JOB, parameters(importId, 1000));

    assertEquals(3, view(importId).consentsRecorded());
    String an = idOf("an@example.vn");
    assertEquals(
        List.of(
            "NEWSLETTER t t operator-a quầy Hà Nội 2025-07",
            "SURVEY t t operator-a quầy Hà Nội 2025-07"),
        Queries.rows(
            db,
            "select purpose, granted, applied, actor, source, policy_version from consent_event"
                + " where customer_id = ? order by purpose",
            an));
    assertEquals(
        1,
        Queries.count(
            db,
            "select count(*) from consent_state where customer_id = ? and purpose = 'NEWSLETTER'"
                + " and granted and since = ?",
            an,
            java.time.OffsetDateTime.parse("2026-03-02T02:30:00Z")),
        "granted since the moment it was collected");
    assertEquals(
        "phiếu số 12",
        cipher.decrypt(
            Queries.bytes(
                db,
                "select evidence from consent_event where customer_id = ? and purpose = 'SURVEY'",
                an)));
    String binh = idOf("binh@example.vn");
    assertEquals(
        List.of("2026-01"),
        Queries.column(db, "select policy_version from consent_event where customer_id = ?", binh),
        "the policy in force when it was collected");
    assertEquals(
        "import " + importId + " row 3",
        cipher.decrypt(
            Queries.bytes(db, "select evidence from consent_event where customer_id = ?", binh)),
        "the import's id as evidence");
    assertEquals(
        List.of("CUSTOMER_CREATED 2", "CUSTOMER_CREATED 1"),
        Queries.rows(
            db,
            "select action, (length(detail) - length(replace(detail, ' granted ', '')))"
                + " / length(' granted ') from audit_entry where actor = ? and customer_id in"
                + " (?, ?) order by customer_id = ? desc",
            ACTOR,
            an,
            binh,
            an),
        "one entry per customer, naming each grant");
  }

  @Test
  void aGrantForASuppressedAddressIsRecordedNotAppliedAndCountedAndNothingIsWithdrawnOrLifted()
      throws Exception {
    seeds.suppress("an@example.vn", "NEWSLETTER", "UNSUBSCRIBED");
    String binh = seeds.customer("Trần Bình", "binh@example.vn", "vi");
    seeds.consent(binh, "SURVEY", false, Instant.parse("2026-06-01T00:00:00Z"));
    seeds.consent(binh, "NEWSLETTER", true, Instant.parse("2026-06-01T00:00:00Z"));
    String csv =
        HEADER
            + "Nguyễn Văn An,an@example.vn,,,,,,,,granted,granted,web-form,,2026-05-01T00:00:00Z,\n"
            + "Trần Bình,binh@example.vn,,,,,,,,granted,granted,web-form,,2026-05-01T00:00:00Z,\n";

    String importId = start(csv, ImportMode.UPSERT, false);
    bed.run(JOB, parameters(importId, 1000));

    ImportView view = view(importId);
    assertEquals(1, view.consentsRecorded(), "An's survey");
    assertEquals(2, view.consentsNotApplied(), "An's newsletter; Bình's older survey grant");
    String an = idOf("an@example.vn");
    assertEquals(
        List.of("NEWSLETTER f SUPPRESSED_UNSUBSCRIBED", "SURVEY t null"),
        Queries.rows(
            db,
            "select purpose, applied, not_applied_reason from consent_event where customer_id = ?"
                + " order by purpose",
            an));
    assertEquals(
        List.of("SURVEY"),
        Queries.column(db, "select purpose from consent_state where customer_id = ?", an));
    assertEquals(
        List.of("NEWSLETTER t", "SURVEY f"),
        Queries.rows(
            db,
            "select purpose, granted from consent_state where customer_id = ? order by purpose",
            binh),
        "a later withdrawal stands; a consent granted already is left as it is");
    assertEquals(
        List.of("WITHDRAWN_LATER"),
        Queries.column(
            db,
            "select not_applied_reason from consent_event where customer_id = ? and not applied",
            binh));
    assertEquals(1, Queries.count(db, "select count(*) from suppression"), "never lifted");
    assertEquals(
        1,
        Queries.count(
            db,
            "select count(*) from audit_entry where action = 'CUSTOMER_CREATED'"
                + " and customer_id = ? and detail like '% consents NEWSLETTER not applied %'",
            an));
    assertEquals(
        1,
        Queries.count(
            db,
            "select count(*) from audit_entry where action = 'CONSENTS_IMPORTED'"
                + " and customer_id = ? and detail like '% consents SURVEY not applied %'",
            binh),
        "an unchanged customer's consents are audited too");
  }

  @Test
  void aDryRunReportsTheSameCountsAndWritesNothing() throws Exception {
    seeds.suppress("an@example.vn", "ALL", "HARD_BOUNCE");
    String existing = seeds.customer("Lê Cường", "cuong@example.vn", "vi");
    String csv =
        HEADER
            + "Nguyễn Văn An,an@example.vn,,,,,,,,granted,,web-form,,2026-05-01T00:00:00Z,\n"
            + "Trần Bình,binh@example.vn,,,,,,,,granted,,web-form,,2026-05-01T00:00:00Z,\n"
            + "Lê Văn Cường,cuong@example.vn,,,,,,,,,,,,,\n"
            + "Lê Cường,cuong@example.vn,,,,,,,,,,,,,\n"
            + "Bad,bad,,,,,,,,,,,,,\n";

    String dry = start(csv, ImportMode.UPSERT, true);
    bed.run(JOB, parameters(dry, 2));
    ImportView dryView = view(dry);
    assertEquals(
        List.of("customer " + existing, "audit 0", "consents 0"),
        List.of(
            "customer " + String.join(",", Queries.column(db, "select id from customer")),
            "audit "
                + Queries.count(
                    db,
                    "select count(*) from audit_entry where action <> 'IMPORT_DRY_RUN_COMPLETED'"),
            "consents " + Queries.count(db, "select count(*) from consent_event")),
        "nothing written but the import's own record");
    assertEquals("Lê Cường", decrypted("full_name", existing));

    String real = start(csv, ImportMode.UPSERT, false);
    bed.run(JOB, parameters(real, 2));
    ImportView realView = view(real);

    assertEquals(List.of(2L, 1L, 0L, 2L), counts(dryView));
    assertEquals(counts(realView), counts(dryView));
    assertEquals(realView.consentsRecorded(), dryView.consentsRecorded());
    assertEquals(1, dryView.consentsRecorded());
    assertEquals(1, dryView.consentsNotApplied());
    assertEquals(realView.consentsNotApplied(), dryView.consentsNotApplied());
    assertEquals(realView.errors(), dryView.errors());
    assertEquals(3, Queries.count(db, "select count(*) from customer"));
  }

  @Test
  void aRestartAfterAFailureImportsEveryRowExactlyOnce() throws Exception {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < 35; i++) {
      csv.append("Khách ")
          .append(i)
          .append(",k")
          .append(i)
          .append("@example.vn,,,,,,,,granted,,web-form,,2026-05-01T00:00:00Z,\n");
    }
    // the database refuses row 27 (k25): the run fails in its third chunk of ten
    try (Connection admin = bed.connect()) {
      Queries.count(admin, "select count(*) from customer"); // warm
      seeds.execute(
          "create or replace function refuse_k25() returns trigger as $$ begin"
              + " if new.email_index = '"
              + index.email("k25@example.vn")
              + "' then raise exception 'refused for the test'; end if; return new; end $$"
              + " language plpgsql");
      seeds.execute(
          "create trigger refuse_k25 before insert on customer for each row"
              + " execute function refuse_k25()");
    }
    String importId = start(csv.toString(), ImportMode.CREATE, false);
    long execution = JobsOnJBeret.start(JOB, parameters(importId, 10));
    JobExecution failed = JobsOnJBeret.awaitEnd(execution, JobTestbed.TIMEOUT);
    try {
      assertEquals(BatchStatus.FAILED, failed.getBatchStatus());
      assertEquals(20, view(importId).rows(), "two chunks committed");
      assertEquals(20, Queries.count(db, "select count(*) from customer"));
      assertTrue(files.exists(files.importFile(importId)), "kept for the restart");
    } finally {
      seeds.execute("drop trigger refuse_k25 on customer");
    }

    long restarted = JobsOnJBeret.operator().restart(execution, new Properties());
    JobExecution done = JobsOnJBeret.awaitEnd(restarted, JobTestbed.TIMEOUT);

    assertEquals(BatchStatus.COMPLETED, done.getBatchStatus());
    ImportView view = view(importId);
    assertEquals(35, view.rows());
    assertEquals(35, view.created());
    assertEquals(35, view.consentsRecorded());
    assertEquals(35, Queries.count(db, "select count(distinct email_index) from customer"));
    assertEquals(35, Queries.count(db, "select count(*) from customer"));
    assertEquals(35, Queries.count(db, "select count(*) from consent_event"));
    assertEquals(
        35,
        Queries.count(db, "select count(*) from audit_entry where action = 'CUSTOMER_CREATED'"));
    assertFalse(files.exists(files.importFile(importId)));
  }

  @Test
  void aFileWithoutAValidHeaderIsInvalidAsAWholeAndDeleted() throws Exception {
    String importId = start("Nguyễn Văn An,an@example.vn\n", ImportMode.CREATE, false);
    JobExecution run = bed.run(JOB, parameters(importId, 1000));

    assertEquals(BatchStatus.COMPLETED, run.getBatchStatus());
    ImportView view = view(importId);
    assertEquals("INVALID", view.status());
    assertEquals(0, view.rows());
    assertTrue(view.errors().stream().allMatch(e -> e.row() == 1), view.errors()::toString);
    assertFalse(
        view.errors().toString().contains("an@example.vn"), "never a value: " + view.errors());
    assertFalse(files.exists(files.importFile(importId)));
    assertEquals(0, Queries.count(db, "select count(*) from customer"));
  }

  private String start(String csv, ImportMode mode, boolean dryRun) throws Exception {
    String id = UUID.randomUUID().toString();
    files.receive(
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), files.importFile(id));
    progress.create(db, new ImportRun(id, mode, dryRun, ACTOR, 0, null));
    return id;
  }

  private ImportView view(String importId) throws Exception {
    return progress.view(db, importId).orElseThrow();
  }

  private static List<Long> counts(ImportView view) {
    return List.of(view.created(), view.updated(), view.unchanged(), view.rejected());
  }

  private String idOf(String email) throws Exception {
    return Queries.row(db, "select id from customer where email_index = ?", index.email(email))
        .get(0);
  }

  private String decrypted(String column, String customerId) throws Exception {
    return cipher.decrypt(
        Queries.bytes(db, "select " + column + " from customer where id = ?", customerId));
  }

  private static Properties parameters(String importId, int chunkSize) {
    Properties parameters = new Properties();
    parameters.setProperty("importId", importId);
    parameters.setProperty("chunkSize", Integer.toString(chunkSize));
    return parameters;
  }
}
