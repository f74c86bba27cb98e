package app.custodian.security.control;

import app.custodian.platform.control.NameWords;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 blind indexes: equality lookups on encrypted fields without storing the plaintext.
 * Thread-safe.
 */
public final class BlindIndex {

  private static final String ALGORITHM = "HmacSHA256";
  private static final int MIN_KEY_LENGTH = 32;
  private static final int INDEX_BYTES = 16;

  private final SecretKey key;
  // A MAC keyed once per thread: finding the provider and keying cost more than one index.
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::keyedMac);

  public BlindIndex(byte[] key) {
    if (key == null || key.length < MIN_KEY_LENGTH) {
      throw new IllegalArgumentException("key must be at least 32 bytes");
    }
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  /** 32 lowercase hex chars; the domain keeps equal values in different fields apart. */
  public String of(String domain, String normalisedValue) {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(normalisedValue, "normalisedValue");
    if (domain.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("domain must not contain NUL");
    }
    byte[] mac = mac((domain + '\0' + normalisedValue).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(mac, 0, INDEX_BYTES);
  }

  /** Null or blank gives null. */
  public String email(String email) {
    if (email == null || email.isBlank()) {
      return null;
    }
    return of("email", email.trim().toLowerCase(Locale.ROOT));
  }

  /** Expects a number already normalised to E.164; null gives null. */
  public String phone(String e164) {
    return e164 == null ? null : of("phone", e164);
  }

  /** One index per distinct word, in order of appearance. */
  public Set<String> nameWords(String fullName) {
    Set<String> indexes = new LinkedHashSet<>();
    for (String word : NameWords.words(fullName)) {
      indexes.add(of("name", word));
    }
    return Collections.unmodifiableSet(indexes);
  }

  /** The full 32-byte HMAC-SHA256 of the data. */
  public byte[] mac(byte[] data) {
    Objects.requireNonNull(data, "data");
    return macs.get().doFinal(data); // and leaves it keyed, ready for the next
  }

  private Mac keyedMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
