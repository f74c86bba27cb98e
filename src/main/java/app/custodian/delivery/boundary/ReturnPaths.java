package app.custodian.delivery.boundary;

import app.custodian.mail.boundary.MailGateway;
import app.custodian.mail.control.ReturnAddresses;
import app.custodian.security.control.MessageKeyTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;

/**
 * VERP: each message's envelope sender names the message, {@code local+TOKEN@domain} of {@code
 * CUSTODIAN_BOUNCE_ADDRESS}, the token a signed message key ({@link MessageKeyTokens}). What comes
 * back to such an address (a bounce, a complaint) maps to its message through {@link
 * #messageKeyOfAddress} or {@link #messageKey}: the {@code message_key} of a row in {@code
 * delivery}, {@code renewal_reminder} or {@code notice_delivery}.
 */
@ApplicationScoped
public class ReturnPaths {

  @Inject MailGateway mail;
  @Inject MessageKeyTokens tokens;

  /**
   * The envelope sender of the message with this key; null when {@code CUSTODIAN_BOUNCE_ADDRESS} is
   * not set (the envelope then carries the {@code From} address).
   */
  public String envelopeSender(long messageKey) {
    ReturnAddresses addresses = mail.returnAddresses();
    return addresses.bounceAddress() == null ? null : addresses.verp(tokens.issue(messageKey));
  }

  /** The message key a token names; empty when its signature does not hold. */
  public OptionalLong messageKey(String token) {
    return tokens.verify(token);
  }

  /**
   * The message key named by an envelope sender this application made (such as the {@code To} of a
   * delivery status notification); empty for any other address or a forged token.
   */
  public OptionalLong messageKeyOfAddress(String address) {
    return ReturnAddresses.tokenOf(address).map(tokens::verify).orElse(OptionalLong.empty());
  }
}
