package app.custodian.incident.boundary;

import app.custodian.customer.entity.DataCategoriesConverter;
import app.custodian.customer.entity.DataCategory;
import app.custodian.incident.control.CategoryLabels;
import app.custodian.notice.boundary.NoticeText;
import app.custodian.notice.boundary.NoticeTopic;
import app.custodian.notice.control.NoticeDates;
import app.custodian.notice.control.NoticeDeliveries;
import app.custodian.notice.entity.NoticeKind;
import app.custodian.platform.boundary.Controller;
import app.custodian.platform.boundary.LocalCalendar;
import app.custodian.platform.control.SqlLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The breach notice: each customer an incident affects (while they are live) hears what happened,
 * which kinds of their data, what may follow, what was done, what they can do and whom to contact.
 */
@ApplicationScoped
public class IncidentNotices implements NoticeTopic {

  static final String TEMPLATE = "breach-notice";

  @Inject Controller controller;
  @Inject LocalCalendar calendar;

  @Override
  public NoticeKind kind() {
    return NoticeKind.INCIDENT;
  }

  @Override
  public List<String> audienceAfter(
      Connection connection, String incidentId, String afterId, int limit) throws SQLException {
    // an erased customer's incident_customer row went with them
    return SqlLists.strings(
        connection,
        "select i.customer_id from incident_customer i"
            + " where i.incident_id = ? and i.customer_id > ? and "
            + NoticeDeliveries.withoutRow("i.customer_id")
            + " order by i.customer_id limit ?",
        List.of(incidentId, afterId, NoticeKind.INCIDENT.name(), incidentId, limit));
  }

  @Override
  public Optional<NoticeText> text(Connection connection, String incidentId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select detected_at, description, data_categories, nature, likely_consequences,"
                + " measures_taken from incident where id = ?")) {
      query.setString(1, incidentId);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        LocalDate detectedOn =
            row.getObject(1, OffsetDateTime.class).atZoneSameInstant(calendar.zone()).toLocalDate();
        String description = row.getString(2);
        List<DataCategory> categories = DataCategoriesConverter.read(row.getString(3));
        String nature = row.getString(4);
        String consequences = row.getString(5);
        String measures = row.getString(6);
        return Optional.of(
            NoticeText.fromTemplate(
                TEMPLATE,
                controller,
                locale -> {
                  Map<String, Object> values = new HashMap<>(); // the answers may be null
                  values.put("detectedOn", NoticeDates.format(detectedOn, locale));
                  values.put("description", description);
                  values.put("hasNature", nature != null);
                  values.put("nature", nature);
                  values.put(
                      "categories",
                      categories.stream().map(c -> CategoryLabels.of(c, locale)).toList());
                  values.put("hasConsequences", consequences != null);
                  values.put("likelyConsequences", consequences);
                  values.put("hasMeasures", measures != null);
                  values.put("measuresTaken", measures);
                  return values;
                }));
      }
    }
  }

  @Override
  public void runStarted(Connection connection, String incidentId, long executionId)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement("update incident set notified_execution_id = ? where id = ?")) {
      update.setLong(1, executionId);
      update.setString(2, incidentId);
      update.executeUpdate();
    }
  }
}
