package app.custodian.renewal.boundary.batch;

import app.custodian.platform.boundary.batch.KeysetReader;
import app.custodian.renewal.boundary.RenewalSettings;
import app.custodian.renewal.control.DueContract;
import app.custodian.renewal.control.Reminders;
import app.custodian.renewal.control.RenewalSchedule;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * Streams the running contracts that end within the longest renewal offset, with the offset due
 * today, in contract id order.
 */
@Named
@Dependent
public class DueContractReader extends KeysetReader<DueContract> {

  static final int PAGE = 500;

  @Inject RenewalSettings settings;

  private RenewalSchedule schedule;
  private LocalDate today;

  public DueContractReader() {
    super(PAGE);
  }

  @Override
  protected void prepare(Connection connection) {
    schedule = settings.schedule();
    today = settings.today();
  }

  @Override
  protected List<DueContract> pageAfter(Connection connection, String afterId, int limit)
      throws SQLException {
    return Reminders.due(connection, schedule, today, afterId, limit);
  }

  @Override
  protected String keyOf(DueContract contract) {
    return contract.contractId();
  }
}
