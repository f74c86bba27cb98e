package app.custodian.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecentLoginsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:00:00Z"));
  private final RecentLogins<String> recent = new RecentLogins<>(Duration.ofMinutes(1), 2, clock);

  @Test
  void remembersOnlyTheExactCredentialsForAMinute() {
    recent.remember("ana", "secret".toCharArray(), "OPERATOR");
    assertEquals(Optional.of("OPERATOR"), recent.find("ana", "secret".toCharArray()));
    assertTrue(recent.find("ana", "Secret".toCharArray()).isEmpty());
    assertTrue(recent.find("an", "asecret".toCharArray()).isEmpty(), "fields do not run together");
    clock.advance(Duration.ofSeconds(60));
    assertTrue(recent.find("ana", "secret".toCharArray()).isEmpty());
  }

  @Test
  void staysWithinItsCapacity() {
    recent.remember("a", "1".toCharArray(), "A");
    recent.remember("b", "2".toCharArray(), "B");
    recent.remember("c", "3".toCharArray(), "C");
    assertEquals(Optional.of("C"), recent.find("c", "3".toCharArray()));
    long kept =
        java.util.stream.Stream.of("a:1", "b:2")
            .filter(s -> recent.find(s.split(":")[0], s.split(":")[1].toCharArray()).isPresent())
            .count();
    assertTrue(kept < 2);
  }
}
