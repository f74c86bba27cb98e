package app.custodian.bulk.boundary.batch;

import app.custodian.bulk.boundary.BulkFiles;
import app.custodian.bulk.boundary.ImportProgress;
import app.custodian.bulk.boundary.ImportRun;
import app.custodian.bulk.control.ImportColumns;
import app.custodian.bulk.control.ImportRow;
import app.custodian.bulk.control.ImportTally;
import app.custodian.platform.boundary.JobDatabase;
import app.custodian.platform.control.FieldError;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an import's file (decrypted as it streams) row by row, after the rows its record says are
 * done: that checkpoint is committed with their writes, so a restart after any crash goes on from
 * exactly there. A file that cannot be imported at all (no valid header, not UTF-8, damaged) ends
 * the import as {@code INVALID} with the reason, and the file is deleted.
 */
@Named
@Dependent
public class ImportRowReader extends AbstractItemReader {

  /** The cell a row carries when it has more cells than the header. */
  public static final String TOO_MANY_CELLS = "";

  private static final Logger LOG = Logger.getLogger(ImportRowReader.class.getName());
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setTrim(false).get();

  @Inject JobContext job;
  @Inject JobDatabase database;
  @Inject ImportProgress progress;
  @Inject BulkFiles files;

  @Inject
  @BatchProperty(name = "importId")
  String importId;

  private CSVParser parser;
  private Iterator<CSVRecord> records;
  private CSVRecord current;
  private List<String> header;
  private long rowNumber;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    ImportRun run;
    try (Connection connection = database.connect()) {
      run =
          progress
              .run(connection, importId)
              .orElseThrow(() -> new IllegalStateException("no import " + importId));
      progress.running(connection, importId, job.getExecutionId());
    }
    if (!run.open()) {
      return; // ended for good: nothing is left to read
    }
    if (!files.exists(files.importFile(importId))) {
      invalid(1, new FieldError("file", "is no longer stored: the import ended before"));
      return;
    }
    InputStream plain = files.open(files.importFile(importId));
    Reader text =
        new InputStreamReader(
            plain,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    parser = CSVParser.builder().setReader(text).setFormat(FORMAT).get();
    records = parser.iterator();
    if (!nextRecord()) {
      invalid(1, new FieldError("header", "is missing: the file is empty"));
      return;
    }
    header = new ArrayList<>(current.toList());
    if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
      header.set(0, header.get(0).substring(1)); // a byte order mark, as spreadsheets write it
    }
    List<FieldError> problems = ImportColumns.headerErrors(header);
    if (!problems.isEmpty()) {
      invalid(1, problems.toArray(FieldError[]::new));
      return;
    }
    rowNumber = 1;
    for (long done = 0; done < run.rowsDone(); done++) {
      if (!nextRecord()) {
        break;
      }
      rowNumber++;
    }
  }

  /** Moves to the next record; false at the end, or when the file turned out unreadable. */
  private boolean nextRecord() throws Exception {
    try {
      if (records.hasNext()) {
        current = records.next();
        return true;
      }
      return false;
    } catch (UncheckedIOException e) {
      String reason =
          e.getCause() instanceof CharacterCodingException
              ? "is not UTF-8 text from here on"
              : "cannot be read from here on: it is not valid CSV, or the stored copy is damaged";
      invalid(rowNumber + 1, new FieldError("file", reason));
      return false;
    }
  }

  @Override
  public Object readItem() throws Exception {
    if (records == null || !nextRecord()) {
      return null;
    }
    rowNumber++;
    Map<String, String> cells = new HashMap<>();
    for (int i = 0; i < current.size(); i++) {
      if (i >= header.size()) {
        if (!current.get(i).isBlank()) {
          cells.put(TOO_MANY_CELLS, "");
        }
        continue;
      }
      String value = current.get(i);
      if (!value.isBlank()) {
        cells.put(header.get(i), value);
      }
    }
    return new ImportRow(rowNumber, cells);
  }

  /** Ends the import for good: the file as a whole cannot be imported. */
  private void invalid(long row, FieldError... problems) throws Exception {
    records = null;
    ImportTally tally = new ImportTally();
    for (FieldError problem : problems) {
      tally.errors.add(new ImportTally.RowError(row, problem.field(), problem.message()));
    }
    try (Connection connection = database.connect()) {
      JobDatabase.inTransaction(
          connection,
          () -> {
            progress.add(connection, importId, -1, tally, Map.of());
            progress.end(connection, importId, ImportProgress.INVALID);
          });
    }
    files.delete(files.importFile(importId));
    LOG.info(() -> "customer-import " + importId + " is invalid from row " + row);
  }

  @Override
  public Serializable checkpointInfo() {
    return rowNumber;
  }

  @Override
  public void close() throws Exception {
    if (parser != null) {
      parser.close();
    }
  }
}
