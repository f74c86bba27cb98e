package app.custodian.testing;

import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A job test class: the shared {@link JobTestbed}, a connection to its database and seeds written
 * through it. Each test class empties the tables it uses before each test.
 */
public abstract class JobTestCase {

  protected static JobTestbed bed;
  protected static Connection db;
  protected static DatabaseSeeds seeds;

  @BeforeAll
  static void connect() throws Exception {
    bed = JobTestbed.get();
    db = bed.connect();
    seeds = bed.seeds(db);
  }

  @AfterAll
  static void disconnect() throws Exception {
    if (db != null) {
      db.close();
    }
  }
}
