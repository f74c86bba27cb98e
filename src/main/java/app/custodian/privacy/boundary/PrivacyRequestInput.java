package app.custodian.privacy.boundary;

/**
 * A privacy request as staff record it. Values are checked by the service, which names the allowed
 * ones in its errors.
 */
public class PrivacyRequestInput {
  public String customerId;
  public String type;

  /** EMAIL (default), WEB, PHONE, IN_PERSON or POST. */
  public String channel;

  /** An instant, an offset date-time or a plain date in CUSTODIAN_ZONE; now when absent. */
  public String receivedAt;

  /** true or false; kept as it was sent, because a lenient binding would read "maybe" as false. */
  public Object processorsInvolved;
}
