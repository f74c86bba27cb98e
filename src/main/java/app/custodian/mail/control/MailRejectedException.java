package app.custodian.mail.control;

/**
 * The message was refused for good (SMTP 5xx on the recipient or on the message, or an address that
 * is not one): sending it again will not help. The message never holds the address; {@link
 * #address()} and {@link #reply()} do, so they must not be logged.
 */
public class MailRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  // transient: a serialised exception (a job repository, a remote call) must not carry them
  private final transient String address;
  private final int code;
  private final transient String reply;

  /**
   * @param code the SMTP reply code, or 0 when the address was refused before any server saw it
   */
  public MailRejectedException(String address, int code, String reply) {
    super(
        "The message was rejected permanently ("
            + code
            + "): "
            + Redaction.redact(reply == null ? "" : reply.strip(), address));
    this.address = address;
    this.code = code;
    this.reply = reply;
  }

  /** The rejected recipient: personal data, never to be logged. */
  public String address() {
    return address;
  }

  public int code() {
    return code;
  }

  /** The server's reply as received; it may name the recipient. */
  public String reply() {
    return reply;
  }
}
