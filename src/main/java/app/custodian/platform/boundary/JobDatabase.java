package app.custodian.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Connections for batch artifacts, never enlisted in the chunk's container transaction: a step
 * commits what must outlive a crash (a delivery row before its SMTP hand-off) at the moment it
 * chooses. Each connection comes in auto-commit mode; the caller may change that.
 */
@ApplicationScoped
public class JobDatabase {

  @Resource(lookup = "jdbc/custodian-jobs")
  DataSource dataSource;

  public Connection connect() throws SQLException {
    Connection connection = dataSource().getConnection();
    connection.setAutoCommit(true);
    return connection;
  }

  /** Work on a connection that commits or rolls back as one. */
  @FunctionalInterface
  public interface Work {
    void run() throws SQLException;
  }

  /**
   * Runs the work in one transaction on the connection, which is back in auto-commit mode after.
   */
  public static void inTransaction(Connection connection, Work work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      work.run();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** The pool behind {@link #connect()}; tests outside the container hand in their own. */
  protected DataSource dataSource() {
    return dataSource;
  }
}
