package app.custodian.mail.control;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;

/**
 * Where mail comes back to. {@code bounceAddress}: the envelope sender of every message ({@code
 * CUSTODIAN_BOUNCE_ADDRESS}), null when unset (then the SMTP envelope carries the {@code From}
 * address and no message has its own). {@code unsubscribeAddress}: the address of the {@code
 * mailto:} in {@code List-Unsubscribe}, null when no returns mailbox is read (nobody would act on
 * such an email). Bare addresses, without display names.
 */
public record ReturnAddresses(String bounceAddress, String unsubscribeAddress) {

  /**
   * @param bounce {@code CUSTODIAN_BOUNCE_ADDRESS}
   * @param mailbox {@code CUSTODIAN_RETURNS_MAILBOX}, only whether it is set counts here
   * @param returns {@code CUSTODIAN_RETURNS_ADDRESS}
   * @param fromAddress the bare address of {@code CUSTODIAN_MAIL_FROM}
   * @throws IllegalArgumentException for an address that is not one, naming its variable
   */
  public static ReturnAddresses resolve(
      Optional<String> bounce,
      Optional<String> mailbox,
      Optional<String> returns,
      String fromAddress) {
    String bounceAddress = bare(bounce, "CUSTODIAN_BOUNCE_ADDRESS");
    String returnsAddress = bare(returns, "CUSTODIAN_RETURNS_ADDRESS");
    if (mailbox.filter(value -> !value.isBlank()).isEmpty()) {
      return new ReturnAddresses(bounceAddress, null);
    }
    String unsubscribe =
        returnsAddress != null
            ? returnsAddress
            : bounceAddress != null ? bounceAddress : fromAddress;
    return new ReturnAddresses(bounceAddress, unsubscribe);
  }

  /**
   * The envelope sender of one message: {@code local+TOKEN@domain} of the bounce address, or null
   * when no bounce address is set.
   */
  public String verp(String token) {
    if (bounceAddress == null) {
      return null;
    }
    int at = bounceAddress.lastIndexOf('@');
    return bounceAddress.substring(0, at) + "+" + token + bounceAddress.substring(at);
  }

  /** The token in the local part of an address {@link #verp} made, or empty. */
  public static Optional<String> tokenOf(String address) {
    if (address == null) {
      return Optional.empty();
    }
    String bare = address.strip();
    if (bare.startsWith("<") && bare.endsWith(">")) {
      bare = bare.substring(1, bare.length() - 1);
    }
    int at = bare.lastIndexOf('@');
    int plus = at < 0 ? -1 : bare.lastIndexOf('+', at);
    return plus < 0 ? Optional.empty() : Optional.of(bare.substring(plus + 1, at));
  }

  private static String bare(Optional<String> configured, String variable) {
    Optional<String> value = configured.map(String::strip).filter(v -> !v.isEmpty());
    if (value.isEmpty()) {
      return null;
    }
    try {
      String address = new InternetAddress(value.get(), true).getAddress();
      if (address.indexOf('@') < 1) {
        throw new AddressException("no domain");
      }
      return address;
    } catch (AddressException e) {
      throw new IllegalArgumentException(variable + " is not an email address");
    }
  }
}
