package app.custodian.delivery.control;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pacing rule; no timing target is asserted, only that permits are spaced, not saved. */
class SendPacerTest {

  @Test
  void spacesCallersOneIntervalApart() throws InterruptedException {
    SendPacer pacer = new SendPacer(100); // 10 ms apart
    long start = System.nanoTime();
    for (int i = 0; i < 6; i++) {
      pacer.await();
    }
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(elapsedMillis >= 45, "six permits need five intervals, took " + elapsedMillis);
  }

  @Test
  void aNegativeRateIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SendPacer(-1));
  }
}
