package app.custodian.policy.boundary;

import app.custodian.notice.boundary.NoticeText;
import app.custodian.notice.boundary.NoticeTopic;
import app.custodian.notice.control.NoticeDates;
import app.custodian.notice.control.NoticeDeliveries;
import app.custodian.notice.entity.NoticeKind;
import app.custodian.platform.boundary.Controller;
import app.custodian.platform.control.SqlLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy notice: every live customer hears of a version once, in their language, with what
 * changed and, for a change to their disadvantage, what they can do about it.
 */
@ApplicationScoped
public class PolicyNotices implements NoticeTopic {

  static final String TEMPLATE = "policy-notice";

  @Inject Controller controller;

  @Override
  public NoticeKind kind() {
    return NoticeKind.POLICY;
  }

  @Override
  public List<String> audienceAfter(
      Connection connection, String version, String afterId, int limit) throws SQLException {
    return SqlLists.strings(
        connection,
        "select c.id from customer c where c.id > ? and "
            + NoticeDeliveries.withoutRow("c.id")
            + " order by c.id limit ?",
        List.of(afterId, NoticeKind.POLICY.name(), version, limit));
  }

  @Override
  public Optional<NoticeText> text(Connection connection, String version) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select effective_on, summary_vi, summary_en, adverse from policy_version"
                + " where version = ?")) {
      query.setString(1, version);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        LocalDate effectiveOn = row.getObject(1, LocalDate.class);
        String summaryVi = row.getString(2);
        String summaryEn = row.getString(3);
        boolean adverse = row.getBoolean(4);
        return Optional.of(
            NoticeText.fromTemplate(
                TEMPLATE,
                controller,
                locale ->
                    Map.of(
                        "version",
                        version,
                        "effectiveOn",
                        NoticeDates.format(effectiveOn, locale),
                        "summary",
                        "en".equals(locale) ? summaryEn : summaryVi,
                        "adverse",
                        adverse)));
      }
    }
  }

  @Override
  public void runStarted(Connection connection, String version, long executionId)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update policy_version set notified_execution_id = ? where version = ?")) {
      update.setLong(1, executionId);
      update.setString(2, version);
      update.executeUpdate();
    }
  }
}
