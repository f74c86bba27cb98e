package app.custodian.bulk.boundary;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.bulk.boundary.batch.ImportRowReader;
import app.custodian.bulk.control.CheckedRow;
import app.custodian.bulk.control.ConsentGrant;
import app.custodian.bulk.control.ImportMode;
import app.custodian.bulk.control.ImportRow;
import app.custodian.bulk.control.ImportRowCheck;
import app.custodian.bulk.control.ImportTally;
import app.custodian.consent.boundary.ConsentGrants;
import app.custodian.consent.boundary.LegacySuppressions;
import app.custodian.consent.entity.ConsentClaim;
import app.custodian.consent.entity.ConsentEvent;
import app.custodian.customer.boundary.CustomerBatch;
import app.custodian.customer.boundary.CustomerBatch.Existing;
import app.custodian.customer.boundary.CustomerBatch.Written;
import app.custodian.customer.boundary.CustomerInput;
import app.custodian.customer.control.CustomerInputCheck;
import app.custodian.customer.control.CustomerNormaliser;
import app.custodian.platform.control.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One chunk of an import's rows, in the caller's transaction: each row checked by the API's rules,
 * a repeated address refused, new customers created and (upsert) existing ones rectified by the
 * merge rules of PATCH, the grants recorded through the consent ledger, every change audited (one
 * entry per customer, naming the fields changed and each consent event), and the import's counts
 * and checkpoint moved on. A dry run decides the same and writes only the import's own record.
 */
@ApplicationScoped
public class ImportChunks {

  @Inject CustomerBatch customers;
  @Inject ConsentGrants consents;
  @Inject LegacySuppressions legacySuppressions;
  @Inject ImportProgress progress;
  @Inject AuditJournal audit;

  public ImportTally write(Connection connection, ImportRun run, List<ImportRow> rows)
      throws SQLException {
    Instant now = Instant.now();
    boolean upsert = run.mode() == ImportMode.UPSERT;
    // The work of a row that needs nothing but the row (blind indexes, checks, normalising) runs on
    // both cores; what depends on the rows before it (claims, counts) stays in order below.
    Map<ImportRow, String> indexes = new IdentityHashMap<>();
    List<String> emailIndexes =
        rows.parallelStream()
            .map(row -> row.cells().get("email"))
            .map(email -> email == null || email.isBlank() ? null : customers.emailIndex(email))
            .toList();
    for (int i = 0; i < rows.size(); i++) {
      if (emailIndexes.get(i) != null) {
        indexes.put(rows.get(i), emailIndexes.get(i));
      }
    }
    Set<String> distinct = new HashSet<>(indexes.values());
    Map<String, Long> claimedBefore = progress.claimed(connection, run.id(), distinct);
    Map<String, Existing> existing = customers.byEmailIndex(connection, distinct, upsert);
    List<Prepared> prepared =
        rows.parallelStream()
            .map(row -> prepare(row, indexes.get(row), existing, upsert, now))
            .toList();

    ImportTally tally = new ImportTally();
    Map<String, Long> claims = new LinkedHashMap<>();
    List<Written> created = new ArrayList<>();
    List<Written> rectified = new ArrayList<>();
    Map<String, String[]> audited = new LinkedHashMap<>(); // customer: action, detail
    List<ConsentGrants.Grant> grants = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      ImportRow row = rows.get(i);
      if (row.cells().containsKey(ImportRowReader.TOO_MANY_CELLS)) {
        tally.reject(
            row.number(), List.of(new FieldError("row", "has more cells than the header")));
        continue;
      }
      String index = indexes.get(row);
      Existing found = index == null ? null : existing.get(index);
      if (found != null && !upsert) {
        if (claim(row, index, claimedBefore, claims, tally)) {
          tally.unchanged++;
        }
        continue;
      }
      CheckedRow checked = prepared.get(i).checked();
      if (!checked.valid()) {
        tally.reject(row.number(), checked.errors());
        continue;
      }
      if (!claim(row, index, claimedBefore, claims, tally)) {
        continue;
      }
      Written written;
      if (found == null) {
        written = prepared.get(i).created();
        created.add(written);
        tally.created++;
        audited.put(written.id(), new String[] {"CUSTOMER_CREATED", "import " + run.id()});
      } else {
        CustomerInput merged = merge(found, checked);
        List<FieldError> problems = CustomerInputCheck.errors(merged);
        if (!problems.isEmpty()) {
          tally.reject(row.number(), problems);
          continue;
        }
        written = customers.rectified(found.id(), merged);
        if (written.details().equals(found.details())) {
          tally.unchanged++;
        } else {
          rectified.add(written);
          tally.updated++;
          audited.put(
              written.id(),
              new String[] {
                "CUSTOMER_RECTIFIED", "import " + run.id() + " fields " + changed(found, written)
              });
        }
      }
      for (ConsentGrant grant : checked.grants()) {
        String evidence =
            grant.evidence() != null
                ? grant.evidence()
                : "import " + run.id() + " row " + row.number();
        grants.add(
            new ConsentGrants.Grant(
                written.id(),
                written.indexes().email(),
                new ConsentClaim(
                    grant.purpose(),
                    true,
                    grant.collectedAt(),
                    run.actor(),
                    grant.source(),
                    grant.policyVersion(),
                    evidence)));
      }
    }
    if (!run.dryRun()) {
      customers.insert(connection, created);
      customers.rectify(connection, rectified);
      List<String> emails = new ArrayList<>();
      created.forEach(w -> emails.add(w.details().email()));
      rectified.forEach(w -> emails.add(w.details().email()));
      legacySuppressions.adopt(connection, emails);
    }
    Set<String> newIds = new HashSet<>();
    created.forEach(w -> newIds.add(w.id()));
    for (ConsentGrants.Outcome outcome :
        consents.record(connection, grants, newIds, run.dryRun())) {
      if (outcome.event() == null) {
        continue;
      }
      ConsentEvent event = outcome.event();
      if (event.applied()) {
        tally.consentsRecorded++;
      } else {
        tally.consentsNotApplied++;
      }
      String[] entry =
          audited.computeIfAbsent(
              event.customerId(), id -> new String[] {"CONSENTS_IMPORTED", "import " + run.id()});
      entry[1] +=
          (entry[1].contains(" consents ") ? ", " : " consents ")
              + event.purpose()
              + (event.applied() ? " granted " : " not applied ")
              + event.id();
    }
    if (!run.dryRun()) {
      List<AuditJournal.Entry> entries = new ArrayList<>();
      audited.forEach((id, e) -> entries.add(new AuditJournal.Entry(e[0], id, e[1])));
      audit.appendAll(connection, run.actor(), entries);
    }
    long rowsDone = rows.get(rows.size() - 1).number() - 1;
    progress.add(connection, run.id(), rowsDone, tally, claims);
    return tally;
  }

  /** A row checked, and for a new customer its stored form; null where the row goes no further. */
  private record Prepared(CheckedRow checked, Written created) {}

  private Prepared prepare(
      ImportRow row, String index, Map<String, Existing> existing, boolean upsert, Instant now) {
    if (row.cells().containsKey(ImportRowReader.TOO_MANY_CELLS)) {
      return new Prepared(null, null);
    }
    Existing found = index == null ? null : existing.get(index);
    if (found != null && !upsert) {
      return new Prepared(null, null);
    }
    CheckedRow checked = ImportRowCheck.check(row, now, found != null);
    Written created =
        checked.valid() && found == null ? customers.newCustomer(checked.input()) : null;
    return new Prepared(checked, created);
  }

  /**
   * Claims the row's address for it, unless an earlier row of the file has it.
   *
   * @return whether the row may go on
   */
  private static boolean claim(
      ImportRow row,
      String index,
      Map<String, Long> claimedBefore,
      Map<String, Long> claims,
      ImportTally tally) {
    Long earlier = claimedBefore.get(index);
    if (earlier == null) {
      earlier = claims.get(index);
    }
    if (earlier != null) {
      tally.reject(
          row.number(),
          List.of(new FieldError("email", "repeats the email address of row " + earlier)));
      return false;
    }
    claims.put(index, row.number());
    return true;
  }

  /**
   * The record with the row's non-empty cells over it, as a merge patch of those fields would make
   * it; an empty cell keeps the value, and the email (what matched the row) stays as recorded.
   */
  private static CustomerInput merge(Existing found, CheckedRow row) {
    CustomerInput merged = CustomerNormaliser.input(found.details());
    CustomerInput given = row.input();
    for (String field : row.given()) {
      switch (field) {
        case "fullName" -> merged.fullName = given.fullName;
        case "phone" -> merged.phone = given.phone;
        case "fax" -> merged.fax = given.fax;
        case "address" -> merged.address = given.address;
        case "organization" -> merged.organization = given.organization;
        case "jobTitle" -> merged.jobTitle = given.jobTitle;
        case "locale" -> merged.locale = given.locale;
        case "source" -> merged.source = given.source;
        default -> {
          // email: the key the row was matched by
        }
      }
    }
    return merged;
  }

  private static List<String> changed(Existing before, Written after) {
    List<String> fields = new ArrayList<>();
    var b = before.details();
    var a = after.details();
    addIf(fields, "fullName", b.fullName(), a.fullName());
    addIf(fields, "phone", b.phone(), a.phone());
    addIf(fields, "fax", b.fax(), a.fax());
    addIf(fields, "address", b.address(), a.address());
    addIf(fields, "organization", b.organization(), a.organization());
    addIf(fields, "jobTitle", b.jobTitle(), a.jobTitle());
    addIf(fields, "locale", b.locale(), a.locale());
    addIf(fields, "source", b.source(), a.source());
    return fields;
  }

  private static void addIf(List<String> fields, String name, String before, String after) {
    if (!java.util.Objects.equals(before, after)) {
      fields.add(name);
    }
  }
}
