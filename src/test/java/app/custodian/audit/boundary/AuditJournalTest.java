package app.custodian.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.audit.control.EntryMac;
import app.custodian.testing.JobTestCase;
import app.custodian.testing.JobsOnJBeret;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Entries that batch jobs write with plain JDBC, on real PostgreSQL: each carries a MAC that holds
 * for the row as the database gives it back, so the sealer will chain it.
 */
class AuditJournalTest extends JobTestCase {

  @BeforeEach
  void emptyDatabase() throws Exception {
    bed.empty(db, "audit_entry");
  }

  @Test
  void everyEntryIsWrittenWithAMacThatHoldsForTheStoredRow() throws Exception {
    AuditJournal journal = JobsOnJBeret.bean(AuditJournal.class);
    Map<String, String> detailByCustomer = new LinkedHashMap<>();
    detailByCustomer.put(UUID.randomUUID().toString(), "campaign 1");
    detailByCustomer.put(UUID.randomUUID().toString(), null);
    journal.append(db, "newsletter-send", "JOB_STARTED", null, "execution 7");
    journal.appendEach(db, "newsletter-send", "EMAIL_SENT", detailByCustomer);

    EntryMac macs = JobsOnJBeret.bean(EntryMac.class);
    int rows = 0;
    try (PreparedStatement select =
            db.prepareStatement(
                "select id, at, actor, action, customer_id, detail, mac from audit_entry");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        rows++;
        String id = row.getString("id");
        assertTrue(
            macs.verifies(
                row.getString("mac"),
                id,
                row.getObject("at", OffsetDateTime.class).toInstant(),
                row.getString("actor"),
                row.getString("action"),
                row.getString("customer_id"),
                row.getString("detail")),
            id);
      }
    }
    assertEquals(3, rows);
  }
}
