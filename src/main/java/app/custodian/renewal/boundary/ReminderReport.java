package app.custodian.renewal.boundary;

import app.custodian.jobs.boundary.JobReport;
import app.custodian.platform.boundary.JobDatabase;
import app.custodian.renewal.control.Reminders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

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
    try (Connection connection = database.connect()) {
      return Reminders.countByStatus(connection, executionIds);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count the reminders", e);
    }
  }
}
