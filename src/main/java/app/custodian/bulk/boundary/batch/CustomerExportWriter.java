package app.custodian.bulk.boundary.batch;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.bulk.boundary.BulkFiles;
import app.custodian.bulk.boundary.ExportRecords;
import app.custodian.bulk.control.ImportColumns;
import app.custodian.consent.entity.Purpose;
import app.custodian.jobs.control.JobNodes;
import app.custodian.platform.boundary.JobDatabase;
import app.custodian.platform.control.SqlLists;
import app.custodian.security.control.FieldCipher;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes every live customer, with their current consents, to the export's CSV file (the import's
 * columns; the proof columns are left empty: the ledger holds each grant's proof), encrypted as it
 * streams, a page at a time in id order. A restart writes the file anew. When it is written, the
 * file is put in place and the export completed and audited as one bulk export with its count, in
 * one transaction that a runner taken for dead cannot pass (it would replace its successor's file
 * and audit the export twice).
 */
@Named
@Dependent
public class CustomerExportWriter extends AbstractBatchlet {

  static final int PAGE = 1000;

  @Inject JobContext job;
  @Inject JobDatabase database;
  @Inject BulkFiles files;
  @Inject FieldCipher cipher;
  @Inject ExportRecords records;
  @Inject AuditJournal audit;

  @Inject
  @BatchProperty(name = "exportId")
  String exportId;

  @Override
  public String process() throws Exception {
    long[] count = {0};
    Path file = files.exportFile(exportId);
    try (Connection connection = database.connect()) {
      Path written = files.writeBeside(file, out -> count[0] = writeAll(connection, out));
      try {
        String actor = records.actor(connection, exportId);
        JobDatabase.inTransaction(
            connection,
            () -> {
              JobNodes.fence(connection, job.getExecutionId());
              moveInto(written, file);
              records.completed(connection, exportId, count[0]);
              audit.append(
                  connection,
                  actor,
                  "CUSTOMERS_EXPORTED",
                  null,
                  "export " + exportId + " customers " + count[0]);
            });
      } finally {
        Files.deleteIfExists(written);
      }
    }
    return ExportRecords.COMPLETED;
  }

  private void moveInto(Path written, Path file) {
    try {
      files.moveInto(written, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long writeAll(Connection connection, OutputStream out) throws IOException {
    Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    List<String> columns = ImportColumns.all();
    long written = 0;
    try (CSVPrinter csv =
        new CSVPrinter(
            text, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get())) {
      String after = "";
      List<String[]> page;
      do {
        page = page(connection, after, columns.size());
        for (String[] row : page) {
          csv.printRecord(Arrays.asList(row).subList(0, columns.size()));
        }
        written += page.size();
        if (!page.isEmpty()) {
          after = page.get(page.size() - 1)[columns.size()];
        }
      } while (page.size() == PAGE);
      csv.flush();
    } catch (SQLException e) {
      throw new IOException(e);
    }
    return written;
  }

  /** A page of rows, each with its customer's id after the columns (not written). */
  private List<String[]> page(Connection connection, String after, int width) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "select id, full_name, email, phone, fax, address, organization, job_title, locale,"
                + " source from customer where id > ? order by id limit "
                + PAGE)) {
      query.setString(1, after);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          String[] cells = new String[width + 1];
          cells[0] = decrypt(row.getBytes(2));
          cells[1] = decrypt(row.getBytes(3));
          cells[2] = decrypt(row.getBytes(4));
          cells[3] = decrypt(row.getBytes(5));
          cells[4] = decrypt(row.getBytes(6));
          cells[5] = decrypt(row.getBytes(7));
          cells[6] = decrypt(row.getBytes(8));
          cells[7] = row.getString(9);
          cells[8] = row.getString(10);
          cells[width] = row.getString(1);
          ids.add(row.getString(1));
          rows.add(cells);
        }
      }
    }
    if (ids.isEmpty()) {
      return rows;
    }
    Map<String, Set<String>> granted = new HashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "select customer_id, purpose from consent_state where granted and customer_id in ("
                + SqlLists.placeholders(ids.size())
                + ")")) {
      SqlLists.bind(query, 1, ids);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          granted.computeIfAbsent(row.getString(1), k -> new HashSet<>()).add(row.getString(2));
        }
      }
    }
    Purpose[] purposes = Purpose.values();
    int first = ImportColumns.CUSTOMER.size();
    for (String[] cells : rows) {
      Set<String> has = granted.getOrDefault(cells[width], Set.of());
      for (int i = 0; i < purposes.length; i++) {
        cells[first + i] = has.contains(purposes[i].name()) ? "granted" : null;
      }
    }
    return rows;
  }

  private String decrypt(byte[] value) {
    return cipher.decrypt(value);
  }
}
