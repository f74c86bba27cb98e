package app.custodian.bulk.boundary.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.bulk.boundary.BulkFiles;
import app.custodian.bulk.boundary.ExportRecords;
import app.custodian.bulk.boundary.ExportView;
import app.custodian.bulk.control.ImportColumns;
import app.custodian.security.control.FieldCipher;
import app.custodian.testing.JobTestCase;
import app.custodian.testing.JobsOnJBeret;
import app.custodian.testing.Queries;
import app.custodian.testing.TakenOverAtStart;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code customer-export} job on JBeret SE against real PostgreSQL: every live customer, a page
 * after another, with the import's columns and current consents, in a file encrypted at rest; one
 * audit entry with the count.
 */
class CustomerExportJobTest extends JobTestCase {

  BulkFiles files;
  ExportRecords records;

  @BeforeEach
  void empty() throws Exception {
    bed.empty(db, "customer", "audit_entry", "customer_export");
    files = JobsOnJBeret.bean(BulkFiles.class);
    records = JobsOnJBeret.bean(ExportRecords.class);
  }

  @Test
  void aRunnerTakenForDeadNeitherReplacesTheFileNorCompletesNorAuditsTheExport() throws Exception {
    seeds.customer("Khách Một", "mot@example.vn", "vi");
    String exportId = UUID.randomUUID().toString();
    records.create(db, exportId, "admin-a");
    Properties parameters = new Properties();
    parameters.setProperty("exportId", exportId);

    JobExecution run;
    try (TakenOverAtStart successor = TakenOverAtStart.install(db)) {
      run = bed.run("customer-export", parameters);
    }

    assertEquals(BatchStatus.FAILED, run.getBatchStatus(), "the fence stopped it");
    assertFalse(Files.exists(files.exportFile(exportId)), "the successor's file is its own");
    assertFalse(
        "COMPLETED".equals(records.view(db, exportId).orElseThrow().status()),
        "the successor completes it");
    assertEquals(
        0,
        Queries.count(db, "select count(*) from audit_entry where action = 'CUSTOMERS_EXPORTED'"),
        "audited once, by the successor");
  }

  @Test
  void everyLiveCustomerIsWrittenWithCurrentConsentsEncryptedAtRestAndAuditedOnce()
      throws Exception {
    int customers = CustomerExportWriter.PAGE + 7;
    db.setAutoCommit(false);
    for (int i = 0; i < customers; i++) {
      seeds.customer("Khách " + i, "k" + i + "@example.vn", "vi");
    }
    db.commit();
    db.setAutoCommit(true);
    String an = seeds.customer("Nguyễn Văn An, \"Ân\"", "an@example.vn", "en");
    FieldCipher cipher = JobsOnJBeret.bean(FieldCipher.class);
    seeds.execute(
        "update customer set phone = ?, source = 'crm' where id = ?",
        cipher.encrypt("+84912345678"),
        an);
    seeds.consent(an, "NEWSLETTER", true);
    seeds.consent(an, "SURVEY", false);
    String exportId = UUID.randomUUID().toString();
    records.create(db, exportId, "admin-a");

    Properties parameters = new Properties();
    parameters.setProperty("exportId", exportId);
    JobExecution run = bed.run("customer-export", parameters);

    assertEquals(BatchStatus.COMPLETED, run.getBatchStatus());
    ExportView view = records.view(db, exportId).orElseThrow();
    assertEquals("COMPLETED", view.status());
    assertEquals(customers + 1, view.count());
    assertTrue(view.expiresAt().isAfter(Instant.now().plus(Duration.ofMinutes(59))));
    byte[] stored = Files.readAllBytes(files.exportFile(exportId));
    assertFalse(
        new String(stored, StandardCharsets.ISO_8859_1).contains("example.vn"),
        "encrypted at rest");

    List<CSVRecord> rows = new ArrayList<>();
    List<String> header;
    try (InputStream in = files.open(files.exportFile(exportId));
        CSVParser parser =
            CSVParser.builder()
                .setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().get())
                .get()) {
      header = parser.getHeaderNames();
      parser.forEach(rows::add);
    }
    assertEquals(ImportColumns.all(), header);
    assertEquals(customers + 1, rows.size());
    CSVRecord row =
        rows.stream().filter(r -> r.get("email").equals("an@example.vn")).findFirst().orElseThrow();
    assertEquals("Nguyễn Văn An, \"Ân\"", row.get("fullName"));
    assertEquals("+84912345678", row.get("phone"));
    assertEquals("en", row.get("locale"));
    assertEquals("crm", row.get("source"));
    assertEquals("granted", row.get("consent.NEWSLETTER"));
    assertEquals("", row.get("consent.SURVEY"));
    assertEquals(
        List.of("admin-a export " + exportId + " customers " + (customers + 1)),
        Queries.rows(
            db, "select actor, detail from audit_entry where action = 'CUSTOMERS_EXPORTED'"));
  }
}
