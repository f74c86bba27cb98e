package app.custodian.platform.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source behind the server's connection pool: PostgreSQL when CUSTODIAN_DB_URL is set,
 * otherwise an H2 file database in PostgreSQL mode under the data directory. One pool serves the
 * application, its migrations and the batch job repository.
 */
public class CustodianDataSource implements DataSource {

  private static final String REWRITE_INSERTS = "reWriteBatchedInserts";

  private final DatabaseSettings settings;
  private volatile Driver driver;
  private int loginTimeout;

  public CustodianDataSource() {
    this(DatabaseSettings.fromEnvironment());
  }

  protected CustodianDataSource(DatabaseSettings settings) {
    this.settings = settings;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(settings.user(), settings.password());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    if (!settings.embedded() && !settings.url().contains(REWRITE_INSERTS)) {
      // a JDBC batch of inserts goes as multi-row INSERTs: several times faster for bulk imports
      properties.setProperty(REWRITE_INSERTS, "true");
    }
    Connection connection = driver().connect(settings.url(), properties);
    if (connection == null) {
      throw new SQLException("No JDBC driver accepts CUSTODIAN_DB_URL; expected jdbc:postgresql:");
    }
    return connection;
  }

  private Driver driver() throws SQLException {
    if (driver == null) {
      String name = settings.embedded() ? "org.h2.Driver" : "org.postgresql.Driver";
      driver = loadDriver(name);
    }
    return driver;
  }

  private static Driver loadDriver(String name) throws SQLException {
    for (ClassLoader loader :
        new ClassLoader[] {
          CustodianDataSource.class.getClassLoader(), Thread.currentThread().getContextClassLoader()
        }) {
      try {
        return (Driver) Class.forName(name, true, loader).getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | LinkageError | NullPointerException e) {
        // try the next class loader
      }
    }
    throw new SQLException("JDBC driver " + name + " is not on the server class path");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {
    loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("Not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
