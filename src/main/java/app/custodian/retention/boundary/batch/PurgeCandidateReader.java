package app.custodian.retention.boundary.batch;

import app.custodian.platform.boundary.batch.KeysetReader;
import app.custodian.retention.boundary.RetentionSettings;
import app.custodian.retention.control.PurgeCandidates;
import app.custodian.retention.control.RetentionPolicy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Streams the ids of customers a retention rule selects, in id order. Purged customers are gone, so
 * a restart never repeats one.
 */
@Named
@Dependent
public class PurgeCandidateReader extends KeysetReader<String> {

  static final int PAGE = 1000;

  @Inject RetentionSettings settings;

  private RetentionPolicy policy;

  public PurgeCandidateReader() {
    super(PAGE);
  }

  @Override
  protected void prepare(Connection connection) {
    policy = settings.policy();
  }

  @Override
  protected List<String> pageAfter(Connection connection, String afterId, int limit)
      throws SQLException {
    return PurgeCandidates.after(connection, policy, Instant.now(), afterId, limit);
  }

  @Override
  protected String keyOf(String id) {
    return id;
  }
}
