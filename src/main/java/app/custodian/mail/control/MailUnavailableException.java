package app.custodian.mail.control;

/**
 * The message could not be handed over this time (SMTP 4xx, connection refused or lost, timeout,
 * authentication, a full disk): it may succeed later. The message never holds the recipient.
 */
public class MailUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean possiblyDelivered;

  /** A failure before the server could have taken the message: it was certainly not sent. */
  public MailUnavailableException(String message) {
    this(message, false);
  }

  /**
   * @param possiblyDelivered the connection failed while or after the message data went out, so the
   *     server may have accepted it: sending it again could deliver it twice
   */
  public MailUnavailableException(String message, boolean possiblyDelivered) {
    super(message);
    this.possiblyDelivered = possiblyDelivered;
  }

  public boolean possiblyDelivered() {
    return possiblyDelivered;
  }
}
