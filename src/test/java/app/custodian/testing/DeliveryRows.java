package app.custodian.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

/** Watching a campaign's delivery rows from the database while its job runs. */
public final class DeliveryRows {

  private DeliveryRows() {}

  /** Polls until the campaign has at least {@code count} SENT rows; never sleeps blindly. */
  public static void awaitSent(Connection db, String campaignId, int count, Duration timeout)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (sent(db, campaignId) < count) {
      assertTrue(Instant.now().isBefore(deadline), "the campaign did not get going in time");
      Thread.sleep(20);
    }
  }

  private static int sent(Connection db, String campaignId) throws Exception {
    try (PreparedStatement query =
        db.prepareStatement(
            "select count(*) from delivery where campaign_id = ? and status = 'SENT'")) {
      query.setString(1, campaignId);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }
}
