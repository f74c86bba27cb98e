package app.custodian.renewal.boundary;

import app.custodian.jobs.boundary.JobReport;
import app.custodian.platform.boundary.JobDatabase;
import app.custodian.platform.control.SqlLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** How many reminders a run of {@code renewal-reminders} sent, by outcome. */
@ApplicationScoped
public class ReminderReport implements JobReport {

  @Inject JobDatabase database;

  @Override
  public String jobName() {
    return RenewalRemindersJob.NAME;
  }

  @Override
  public Map<String, Long> report(List<Long> executionIds, Properties parameters) {
    Map<String, Long> counts = new TreeMap<>(Map.of("sent", 0L, "failed", 0L, "uncertain", 0L));
    try (Connection connection = database.connect();
        PreparedStatement query =
            connection.prepareStatement(
                "select status, count(*) from renewal_reminder where execution_id in ("
                    + SqlLists.placeholders(executionIds.size())
                    + ") group by status")) {
      SqlLists.bind(query, 1, executionIds);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getLong(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count the reminders", e);
    }
    return counts;
  }
}
