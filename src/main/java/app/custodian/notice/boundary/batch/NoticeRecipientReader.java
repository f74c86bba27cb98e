package app.custodian.notice.boundary.batch;

import app.custodian.notice.boundary.NoticeTopic;
import app.custodian.notice.boundary.NoticeTopics;
import app.custodian.platform.boundary.batch.KeysetReader;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Streams the ids of the customers a notice goes to who have no row for it, in id order. */
@Named
@Dependent
public class NoticeRecipientReader extends KeysetReader<String> {

  static final int PAGE = 500;

  @Inject NoticeTopics topics;

  @Inject @BatchProperty String kind;
  @Inject @BatchProperty String reference;

  private NoticeTopic topic;

  public NoticeRecipientReader() {
    super(PAGE);
  }

  @Override
  protected void prepare(Connection connection) {
    topic = topics.of(kind);
  }

  @Override
  protected List<String> pageAfter(Connection connection, String afterId, int limit)
      throws SQLException {
    return topic.audienceAfter(connection, reference, afterId, limit);
  }

  @Override
  protected String keyOf(String customerId) {
    return customerId;
  }
}
