package app.custodian.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.retention.control.NightlyLeases.Lease;
import app.custodian.testing.JobTestCase;
import app.custodian.testing.Queries;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The nightly lease on PostgreSQL when its holder is lost mid-night: the survivors find the lease,
 * exactly one of them takes it over with the execution the lost holder started, and a finished
 * night or a lease another survivor took is left alone.
 */
class NightlyLeaseTakeoverTest extends JobTestCase {

  static final String JOB = "renewal-reminders";
  static final LocalDate NIGHT = LocalDate.of(2026, 12, 7);

  @BeforeEach
  void emptyLeases() throws Exception {
    bed.empty(db, "nightly_lease");
  }

  @Test
  void aLeaseOfALostNodeIsTakenOverByExactlyOneSurvivorWithItsExecution() throws Exception {
    assertTrue(NightlyLeases.take(db, JOB, NIGHT, "lost-node"));
    NightlyLeases.started(db, JOB, NIGHT, 41L);
    assertFalse(NightlyLeases.take(db, JOB, NIGHT, "survivor-a"), "the insert finds it taken");
    assertEquals(
        Optional.of(new Lease("lost-node", 41L, false)), NightlyLeases.find(db, JOB, NIGHT));

    CountDownLatch go = new CountDownLatch(1);
    ExecutorService survivors = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> outcomes = new ArrayList<>();
      for (String node : List.of("survivor-a", "survivor-b")) {
        Callable<Boolean> takeOver =
            () -> {
              try (Connection connection = bed.connect()) {
                go.await();
                return NightlyLeases.takeOver(connection, JOB, NIGHT, "lost-node", node);
              }
            };
        outcomes.add(survivors.submit(takeOver));
      }
      go.countDown();
      boolean aWon = outcomes.get(0).get();
      boolean bWon = outcomes.get(1).get();
      assertTrue(aWon ^ bWon, "exactly one survivor: " + aWon + ", " + bWon);
      String winner = aWon ? "survivor-a" : "survivor-b";
      assertEquals(
          List.of(winner, "41"),
          Queries.row(
              db,
              "select node, execution_id from nightly_lease where job_name = ? and night = ?",
              JOB,
              NIGHT));
    } finally {
      survivors.shutdownNow();
    }
  }

  @Test
  void aFinishedNightIsNotTakenOver() throws Exception {
    assertTrue(NightlyLeases.take(db, JOB, NIGHT, "lost-node"));
    NightlyLeases.finished(db, JOB, NIGHT);

    assertFalse(NightlyLeases.takeOver(db, JOB, NIGHT, "lost-node", "survivor-a"));
    assertTrue(NightlyLeases.find(db, JOB, NIGHT).orElseThrow().finished());
  }
}
