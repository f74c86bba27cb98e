package app.custodian.testing;

import static org.junit.jupiter.api.Assertions.fail;

import app.custodian.platform.boundary.JobDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.smallrye.config.inject.ConfigExtension;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jberet.creation.BatchCDIExtension;
import org.jberet.runtime.JobExecutionImpl;
import org.jboss.weld.bootstrap.api.helpers.RegistrySingletonProvider;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The production job XML and batch artifacts on JBeret SE, in this JVM: a Weld SE container of the
 * named bean classes (JBeret SE picks up the container by its static id), MicroProfile Config from
 * system properties, and {@link JobDatabase} pointed at a test database. One per JVM: tests get it
 * through {@link JobTestbed}.
 */
public final class JobsOnJBeret {

  private static final Set<BatchStatus> ENDED =
      Set.of(BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED, BatchStatus.ABANDONED);

  private static WeldContainer container;
  private static HikariDataSource dataSource;

  private JobsOnJBeret() {}

  /**
   * Starts the container; a second call fails.
   *
   * @param settings MicroProfile Config entries ({@code custodian.smtp.port}...), set as system
   *     properties
   */
  public static synchronized void start(
      String databaseUrl,
      String user,
      String password,
      Map<String, String> settings,
      Class<?>... beans) {
    if (container != null) {
      throw new IllegalStateException("JBeret SE runs once per JVM");
    }
    settings.forEach(System::setProperty);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(databaseUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(16);
    dataSource = new HikariDataSource(config);
    container =
        new Weld(RegistrySingletonProvider.STATIC_INSTANCE)
            .disableDiscovery()
            .addExtension(new BatchCDIExtension())
            .addExtension(new ConfigExtension())
            .addBeanClasses(beans)
            .addBeanClass(TestJobDatabase.class)
            .initialize();
  }

  public static <T> T bean(Class<T> type) {
    return container.select(type).get();
  }

  public static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }

  public static long start(String job, Properties parameters) {
    return operator().start(job, parameters);
  }

  /**
   * Waits until the execution has ended and its job listeners have run: JBeret sets the ended
   * status before it calls {@code afterJob}, and counts down the execution's termination latch
   * after. Never sleeps blindly.
   */
  public static JobExecution awaitEnd(long executionId, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      JobExecution execution = operator().getJobExecution(executionId);
      if (ENDED.contains(execution.getBatchStatus())) {
        awaitListeners(execution, Duration.between(Instant.now(), deadline));
        return execution;
      }
      pause(50);
    }
    return fail("Execution " + executionId + " did not end within " + timeout);
  }

  private static void awaitListeners(JobExecution execution, Duration left) {
    if (execution instanceof JobExecutionImpl running) {
      try {
        running.awaitTermination(Math.max(1, left.toMillis()), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("Interrupted while execution " + execution.getExecutionId() + " ended");
      }
    }
  }

  /** A metric of the execution's step, as the batch runtime counted it. */
  public static long metric(JobExecution execution, String step, Metric.MetricType type) {
    for (StepExecution s : operator().getStepExecutions(execution.getExecutionId())) {
      if (s.getStepName().equals(step)) {
        for (Metric m : s.getMetrics()) {
          if (m.getType() == type) {
            return m.getValue();
          }
        }
      }
    }
    throw new AssertionError("no " + type + " for step " + step);
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The test database in place of the container's pool, its statements in {@link StatementLog}. */
  @ApplicationScoped
  public static class TestJobDatabase extends JobDatabase {
    private final DataSource recorded = StatementLog.recording(dataSource);

    @Override
    protected DataSource dataSource() {
      return recorded;
    }
  }
}
