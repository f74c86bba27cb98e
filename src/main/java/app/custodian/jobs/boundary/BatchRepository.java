package app.custodian.jobs.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Payara's batch job repository (IBM JBatch's {@code jbatch*} tables). Jakarta Batch cannot mark an
 * execution failed whose node died, so a takeover does it here, for the jobs screen and the API.
 * Without that repository (JBeret SE in the job tests) there is nothing to mark.
 */
@ApplicationScoped
public class BatchRepository {

  private static final Logger LOG = Logger.getLogger(BatchRepository.class.getName());
  private static final String ACTIVE = "('STARTING', 'STARTED', 'STOPPING')";
  static final String NODE_LOST = "NODE_LOST";

  @Resource(lookup = "jdbc/custodian-batch-repository")
  DataSource dataSource;

  void markFailed(long executionId) {
    if (dataSource == null) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      update(
          connection,
          "update jbatchexecutioninstancedata set batchstatus = 'FAILED', exitstatus = ?,"
              + " endtime = current_timestamp, updatetime = current_timestamp"
              + " where jobexecid = ? and batchstatus in "
              + ACTIVE,
          executionId);
      update(
          connection,
          "update jbatchstepexecutioninstancedata set batchstatus = 'FAILED', exitstatus = ?,"
              + " endtime = current_timestamp where jobexecid = ? and batchstatus in "
              + ACTIVE,
          executionId);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Could not mark execution " + executionId + " failed", e);
    }
  }

  private static void update(Connection connection, String sql, long executionId)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setString(1, NODE_LOST);
      update.setLong(2, executionId);
      update.executeUpdate();
    }
  }
}
