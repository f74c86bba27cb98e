package app.custodian.delivery.control;

import app.custodian.delivery.entity.DeliveryStatus;
import java.time.Instant;
import java.util.List;

/**
 * What a message key names: the delivery table its row is in, the row's key values (such as
 * campaign and customer ids), the customer it went to, its state and its Message-ID (null unless
 * SENT). Ids only.
 */
public record SentMessage(
    long messageKey,
    String table,
    List<String> rowKey,
    String customerId,
    DeliveryStatus status,
    String messageId,
    Instant attemptedAt) {}
