package app.custodian.campaign.control;

/**
 * Campaign messages that came back ({@code mail_return}, matched by message key): bounced (a hard
 * bounce, or the soft bounce that suppressed the address) and complained about. Each message counts
 * once however many returns it had. When their people are deleted, their number is kept in {@code
 * delivery_erased} under the labels {@link #BOUNCED} and {@link #COMPLAINED}, beside the statuses.
 */
public final class ReturnedMessages {

  public static final String BOUNCED = "BOUNCED";
  public static final String COMPLAINED = "COMPLAINED";

  /**
   * {@code label, campaign_id, messages} of the delivery rows {@code d} that {@code %s} selects (a
   * condition on {@code d}), one row per campaign with any.
   */
  public static final String COUNT_BY_CAMPAIGN =
      "select '"
          + BOUNCED
          + "' as label, d.campaign_id as campaign_id, count(distinct d.message_key) as messages"
          + " from delivery d join mail_return r on r.message_key = d.message_key where %1$s"
          + " and (r.kind = 'HARD_BOUNCE' or (r.kind = 'SOFT_BOUNCE' and r.suppressed))"
          + " group by d.campaign_id"
          + " union all select '"
          + COMPLAINED
          + "', d.campaign_id, count(distinct d.message_key) from delivery d"
          + " join mail_return r on r.message_key = d.message_key where %1$s"
          + " and r.kind = 'COMPLAINT' group by d.campaign_id";

  private ReturnedMessages() {}
}
