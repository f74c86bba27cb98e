package app.custodian.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReturnAddressesTest {

  static final String FROM = "no-reply@example.vn";
  static final Optional<String> MAILBOX = Optional.of("imaps://u:p@mail.example.vn/INBOX");

  @Test
  void withoutABounceAddressTheEnvelopeKeepsTheFromAddressAndNoMessageHasItsOwn() {
    ReturnAddresses addresses =
        ReturnAddresses.resolve(Optional.empty(), Optional.empty(), Optional.empty(), FROM);

    assertNull(addresses.bounceAddress());
    assertNull(addresses.verp("abc"));
  }

  @Test
  void eachMessageGetsThePlusAddressOfTheBounceAddress() {
    ReturnAddresses addresses =
        ReturnAddresses.resolve(
            Optional.of("Bounces <bounces@example.vn>"), Optional.empty(), Optional.empty(), FROM);

    assertEquals("bounces@example.vn", addresses.bounceAddress());
    assertEquals("bounces+Ab_-9@example.vn", addresses.verp("Ab_-9"));
    assertEquals(Optional.of("Ab_-9"), ReturnAddresses.tokenOf("<bounces+Ab_-9@example.vn>"));
    assertEquals(Optional.of("Ab_-9"), ReturnAddresses.tokenOf("bounces+x+Ab_-9@example.vn"));
    assertEquals(Optional.empty(), ReturnAddresses.tokenOf("bounces@example.vn"));
    assertEquals(Optional.empty(), ReturnAddresses.tokenOf(null));
  }

  @Test
  void theMailtoUnsubscribeAppearsOnlyWithAReturnsMailbox() {
    assertNull(
        ReturnAddresses.resolve(
                Optional.of("bounces@example.vn"),
                Optional.empty(),
                Optional.of("returns@example.vn"),
                FROM)
            .unsubscribeAddress(),
        "nobody reads such emails");
    assertEquals(
        "returns@example.vn",
        ReturnAddresses.resolve(
                Optional.of("bounces@example.vn"), MAILBOX, Optional.of("returns@example.vn"), FROM)
            .unsubscribeAddress());
    assertEquals(
        "bounces@example.vn",
        ReturnAddresses.resolve(Optional.of("bounces@example.vn"), MAILBOX, Optional.empty(), FROM)
            .unsubscribeAddress(),
        "CUSTODIAN_RETURNS_ADDRESS unset: the bounce address");
    assertEquals(
        FROM,
        ReturnAddresses.resolve(Optional.empty(), MAILBOX, Optional.empty(), FROM)
            .unsubscribeAddress(),
        "neither set: the From address");
  }

  @Test
  void aMalformedAddressStopsTheStartNamingItsVariable() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ReturnAddresses.resolve(
                    Optional.of("not an address"), Optional.empty(), Optional.empty(), FROM));
    assertEquals("CUSTODIAN_BOUNCE_ADDRESS is not an email address", e.getMessage());
  }
}
