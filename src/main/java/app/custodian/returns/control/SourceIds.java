package app.custodian.returns.control;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies a returned email or webhook report in {@code mail_return.source_id}, so that each
 * is recorded, and acted on, once: the email's own Message-ID, else a SHA-256 of its raw bytes; a
 * SHA-256 of a webhook's body.
 */
public final class SourceIds {

  private SourceIds() {}

  public static String digest(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A digester for content streamed in pieces. */
  public static MessageDigest digester() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String of(MessageDigest digester) {
    return "sha256:" + HexFormat.of().formatHex(digester.digest());
  }
}
