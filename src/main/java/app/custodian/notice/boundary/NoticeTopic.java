package app.custodian.notice.boundary;

import app.custodian.notice.entity.NoticeKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * One kind of notice to people, as a CDI bean: whom it goes to and what it says. The notice jobs'
 * artifacts find it by the {@code kind} property of their job XML; everything is read with plain
 * JDBC on the job's connection.
 */
public interface NoticeTopic {

  NoticeKind kind();

  /**
   * Up to {@code limit} ids of live customers the notice goes to, after {@code afterId} in id
   * order, leaving out those with a notice row for it already ({@link
   * app.custodian.notice.control.NoticeDeliveries#withoutRow}).
   */
  List<String> audienceAfter(Connection connection, String reference, String afterId, int limit)
      throws SQLException;

  /** The text of the notice, or empty when the reference names nothing. */
  Optional<NoticeText> text(Connection connection, String reference) throws SQLException;

  /** A run of the job for the reference started: the topic notes its execution id. */
  void runStarted(Connection connection, String reference, long executionId) throws SQLException;
}
