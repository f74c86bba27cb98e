package app.custodian.security.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers credentials that were verified a moment ago, so HTTP Basic does not pay for a
 * deliberately slow password hash on every request. Holds only a salted digest of the credentials,
 * in memory, for a short time.
 */
public class RecentLogins<T> {

  private record Entry<T>(T value, Instant expires) {}

  private final byte[] pepper = new byte[32];
  private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();
  private final Duration lifetime;
  private final Clock clock;
  private final int capacity;

  public RecentLogins(Duration lifetime, int capacity, Clock clock) {
    new SecureRandom().nextBytes(pepper);
    this.lifetime = lifetime;
    this.capacity = capacity;
    this.clock = clock;
  }

  public Optional<T> find(String username, char[] password) {
    Entry<T> entry = entries.get(key(username, password));
    if (entry == null || !clock.instant().isBefore(entry.expires())) {
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  public void remember(String username, char[] password, T value) {
    if (entries.size() >= capacity) {
      Instant now = clock.instant();
      entries.values().removeIf(e -> !now.isBefore(e.expires()));
      if (entries.size() >= capacity) {
        entries.clear();
      }
    }
    entries.put(key(username, password), new Entry<>(value, clock.instant().plus(lifetime)));
  }

  /** Forgets everything, so a change to any account applies to its very next request. */
  public void clear() {
    entries.clear();
  }

  private String key(String username, char[] password) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(pepper);
      digest.update(username.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(new String(password).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
