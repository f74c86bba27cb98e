package app.custodian.contract.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ContractTest {

  static final LocalDate START = LocalDate.of(2026, 1, 1);
  static final LocalDate END = LocalDate.of(2026, 12, 31);

  static Contract contract() {
    return new Contract("c", "HD-1", "Cloud VPS", START, END, Instant.now());
  }

  @Test
  void runsFromItsFirstToItsLastDayInclusive() {
    Contract contract = contract();
    assertEquals(Contract.Status.UPCOMING, contract.status(START.minusDays(1)));
    assertEquals(Contract.Status.ACTIVE, contract.status(START));
    assertEquals(Contract.Status.ACTIVE, contract.status(END));
    assertEquals(Contract.Status.ENDED, contract.status(END.plusDays(1)));
  }

  @Test
  void aOneDayContractIsAllowedButNotOneThatEndsBeforeItStarts() {
    assertEquals(START, new Contract("c", "r", "s", START, START, Instant.now()).lastDay());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Contract("c", "r", "s", START, START.minusDays(1), Instant.now()));
  }

  @Test
  void terminationEndsItEarlyOnceAndWithinItsTerm() {
    Contract contract = contract();
    assertThrows(IllegalArgumentException.class, () -> contract.terminate(START.minusDays(1)));
    assertThrows(IllegalArgumentException.class, () -> contract.terminate(END.plusDays(1)));

    contract.terminate(LocalDate.of(2026, 6, 30));

    assertEquals(LocalDate.of(2026, 6, 30), contract.lastDay());
    assertEquals(Contract.Status.ENDED, contract.status(LocalDate.of(2026, 7, 1)));
    assertThrows(IllegalStateException.class, () -> contract.terminate(END));
  }
}
