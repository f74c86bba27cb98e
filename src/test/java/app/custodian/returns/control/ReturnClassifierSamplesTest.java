package app.custodian.returns.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.returns.control.ReturnedMail.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real-world sample in {@code mail-returns/}, classified as {@code SOURCES.md} says: its
 * kind, its status code and its recipient where the table gives them.
 */
class ReturnClassifierSamplesTest {

  static final Path SAMPLES = Path.of("src/test/resources/mail-returns");

  /**
   * Where the table's kind is an edge case and {@link ReturnClassifier}'s documented rule differs:
   * an RFC 6591 authentication-failure report is not a recipient's complaint (see {@link
   * FeedbackReport}).
   */
  static final Map<String, Kind> OUR_RULE =
      Map.of("complaint-rfc6591-auth-failure.eml", Kind.UNMATCHED);

  private static final Pattern CODE = Pattern.compile("^([245]\\.\\d{1,3}\\.\\d{1,3})");
  private static final Pattern LEADING_ADDRESS = Pattern.compile("^([^\\s,()]+@[^\\s,()]+)");

  private final ReturnClassifier classifier =
      new ReturnClassifier("automated-bounces", "email.example.com");

  record Row(String file, Kind kind, String status, String recipient) {
    @Override
    public String toString() {
      return file;
    }
  }

  static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(SAMPLES.resolve("SOURCES.md"), StandardCharsets.UTF_8)) {
      if (line.startsWith("| `") && line.contains(".eml`")) {
        String[] cells = line.substring(1).split(" \\| ");
        String file = cells[0].strip().replace("`", "");
        Kind kind = Kind.valueOf(cells[1].strip().split("[ (]")[0]);
        rows.add(new Row(file, kind, cells[2].strip(), cells[3].strip()));
      }
    }
    return rows;
  }

  @Test
  void theTableNamesEverySampleAndNothingElse() throws IOException {
    TreeSet<String> files = new TreeSet<>();
    try (Stream<Path> listing = Files.list(SAMPLES)) {
      listing
          .map(path -> path.getFileName().toString())
          .filter(name -> name.endsWith(".eml"))
          .forEach(files::add);
    }
    TreeSet<String> named = new TreeSet<>();
    rows().forEach(row -> named.add(row.file()));
    assertEquals(files, named);
    assertEquals(53, files.size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void classifiesEachSampleAsItsTableSays(Row row) throws IOException {
    ReturnedMail returned = classify(row.file());

    Kind expected = OUR_RULE.getOrDefault(row.file(), row.kind());
    assertEquals(expected, returned.kind(), row.file());
    if (expected == Kind.UNMATCHED) {
      assertTrue(returned.recipient().isEmpty());
      assertTrue(returned.statusCode().isEmpty());
      return;
    }
    Matcher code = CODE.matcher(row.status());
    if (code.find()) {
      assertEquals(Optional.of(code.group(1)), returned.statusCode(), "status of " + row.file());
    } else {
      assertTrue(
          row.status().startsWith("none") || row.status().equals("-"), "table: " + row.status());
      assertEquals(Optional.empty(), returned.statusCode(), "status of " + row.file());
    }
    Matcher address = LEADING_ADDRESS.matcher(row.recipient());
    if (address.find()) {
      assertEquals(
          Optional.of(address.group(1).toLowerCase(Locale.ROOT)),
          returned.recipient().map(r -> r.toLowerCase(Locale.ROOT)),
          "recipient of " + row.file());
    } else if (row.recipient().startsWith("none") && isBounce(expected)) {
      assertEquals(Optional.empty(), returned.recipient(), "recipient of " + row.file());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void noDiagnosticKeepsAnAddressOrExceedsTwoHundredCharacters(Row row) throws IOException {
    ReturnedMail returned = classify(row.file());

    assertFalse(returned.redactedDiagnostic().contains("@"), returned.redactedDiagnostic());
    assertTrue(returned.redactedDiagnostic().length() <= 200);
    returned
        .recipient()
        .ifPresent(
            recipient ->
                assertFalse(
                    returned
                        .redactedDiagnostic()
                        .toLowerCase(Locale.ROOT)
                        .contains(recipient.toLowerCase(Locale.ROOT))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "hard-postfix-host-not-found.eml, <20141024104625.9C81E2203D@vagrant-centos65.vagrantup.com>",
    "hard-qmail-user-unknown.eml, <20240624090001.44587.qmail@nq.example.jp>",
    "hard-exim-user-unknown.eml, <E1X58pB-0004bW-2s@marutamachi.example.org>"
  })
  void findsTheOriginalMessageIdAttachedOrQuoted(String file, String messageId) throws IOException {
    assertEquals(Optional.of(messageId), classify(file).originalMessageId());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "autoreply-aol-vacation.eml, CFFF47A0-8834-11DF-8C14-8896DD711D8B",
    "autoreply-thank-you-precedence-bulk.eml, 2A5E0C38-900D-11DF-8FB7-89D06DF2B1BD"
  })
  void findsRealVerpTokens(String file, String token) throws IOException {
    assertEquals(Optional.of(token), classify(file).verpToken());
  }

  private ReturnedMail classify(String file) throws IOException {
    try (InputStream in = Files.newInputStream(SAMPLES.resolve(file))) {
      return classifier.classify(in);
    }
  }

  private static boolean isBounce(Kind kind) {
    return kind == Kind.HARD_BOUNCE || kind == Kind.SOFT_BOUNCE;
  }
}
