package app.custodian.returns.control;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Returns built to make pattern matching slow (long runs that almost match). Each must be
 * classified in linear time; a quadratic pattern makes one of these take minutes, not a failed
 * assertion, so the test's own duration is the signal.
 */
class ReturnClassifierAdversarialTest {

  private static final String DAEMON =
      "From: MAILER-DAEMON@mx.example.net\r\nTo: bounces+Slow@example.com\r\n";

  private final ReturnClassifier classifier = new ReturnClassifier("bounces", "example.com");

  static Stream<Arguments> adversarial() {
    return Stream.of(
        Arguments.of("dashes", DAEMON + "Subject: failure notice\r\n\r\n" + "-".repeat(120_000)),
        Arguments.of(
            "reply codes", DAEMON + "Subject: failure notice\r\n\r\n" + "550 ".repeat(30_000)),
        Arguments.of(
            "blank lines",
            DAEMON + "Subject: failure notice\r\n\r\nx\r\n" + " \r\n".repeat(40_000) + "y"),
        Arguments.of(
            "long diagnostic",
            ReturnClassifierTest.dsn(
                "To: bounces+Slow@example.com\r\n",
                "Reporting-MTA: dns; mx.example.net\r\n",
                "Final-Recipient: rfc822; a@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                    + "Diagnostic-Code: smtp; "
                    + "x".repeat(60_000)
                    + "@"
                    + "y".repeat(3_000)
                    + " 1234567".repeat(2_000)
                    + "\r\n",
                null,
                null)),
        Arguments.of(
            "subject",
            DAEMON + "Subject: " + "warning: message ".repeat(20_000) + "\r\n\r\nhi\r\n"),
        Arguments.of(
            "html",
            DAEMON
                + "Subject: failure notice\r\nContent-Type: text/html\r\n\r\n"
                + "<style".repeat(10_000)),
        Arguments.of(
            "list-unsubscribe",
            ReturnClassifierTest.dsn(
                "To: bounces+Slow@example.com\r\n",
                "Reporting-MTA: dns; mx.example.net\r\n",
                "Final-Recipient: rfc822; a@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n",
                "text/rfc822-headers",
                "List-Unsubscribe: "
                    + "/unsubscribe?".repeat(4_000)
                    + " <mailto:r@example.com?subject=unsubscribe"
                    + "%20".repeat(20_000)
                    + ">\r\n")),
        Arguments.of(
            "dotted domain",
            DAEMON
                + "Subject: failure notice\r\n\r\n550 5.1.1 user unknown: x@"
                + "a.".repeat(30_000)
                + "\r\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adversarial")
  void classifiesInLinearTime(String name, String raw) {
    ReturnedMail returned = classifier.classify(raw.getBytes(StandardCharsets.UTF_8));

    assertNotNull(returned.kind());
    assertTrue(returned.redactedDiagnostic().length() <= 200);
    assertTrue(!returned.redactedDiagnostic().contains("@"), name);
  }
}
