package app.custodian.campaign.control;

import app.custodian.delivery.control.Delivery;
import app.custodian.delivery.entity.DeliveryStatus;
import app.custodian.mail.control.OutboundMail;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** A campaign message in the delivery pipeline, recorded in its {@code delivery} row. */
public record CampaignDelivery(String campaignId, boolean advertising, CampaignMessage message)
    implements Delivery {

  @Override
  public String customerId() {
    return message.customerId();
  }

  @Override
  public String addressIndex() {
    return message.addressIndex();
  }

  @Override
  public OutboundMail mail() {
    return message.mail();
  }

  @Override
  public boolean claim(Connection connection, long messageKey, Instant now) throws SQLException {
    return Deliveries.claim(
        connection,
        campaignId,
        message.customerId(),
        advertising,
        message.consentEventId(),
        messageKey,
        now);
  }

  @Override
  public void settle(Connection connection, DeliveryStatus status, String detail, Instant now)
      throws SQLException {
    Deliveries.settle(connection, campaignId, message.customerId(), status, detail, now);
  }

  @Override
  public void release(Connection connection) throws SQLException {
    Deliveries.release(connection, campaignId, message.customerId());
  }

  @Override
  public String auditDetail() {
    return "campaign " + campaignId;
  }

  @Override
  public String toString() {
    return "CampaignDelivery[campaignId=" + campaignId + ", customerId=" + customerId() + "]";
  }
}
