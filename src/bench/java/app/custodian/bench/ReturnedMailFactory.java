package app.custodian.bench;

import app.custodian.consent.control.LinkScope;
import app.custodian.consent.entity.Purpose;
import app.custodian.returns.control.ReturnClassifier;
import app.custodian.returns.control.ReturnedMail;
import app.custodian.returns.control.ReturnedMail.Kind;
import app.custodian.security.control.MessageKeyTokens;
import app.custodian.security.control.SignedTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The returned emails of the mail-returns benchmark, built from the real samples in
 * src/test/resources/mail-returns: each one addressed to the VERP address of a real delivery row
 * (its {@code To}), with a Message-ID of its own; mailto unsubscribes carry the signed token that
 * the message's {@code List-Unsubscribe} would. The mix, per 100: 45 hard bounces, 20 soft bounces,
 * 10 complaints, 10 mailto unsubscribes, 10 auto-replies, 5 unmatched. Only the samples that the
 * application's classifier reads as their file name says, VERP token included, are used.
 */
final class ReturnedMailFactory {

  static final Path SAMPLES = Path.of("src/test/resources/mail-returns");

  /** The kinds in the order of the mix, and how many of each per 100. */
  private static final Map<Kind, Integer> MIX = new EnumMap<>(Kind.class);

  static {
    MIX.put(Kind.HARD_BOUNCE, 45);
    MIX.put(Kind.SOFT_BOUNCE, 20);
    MIX.put(Kind.COMPLAINT, 10);
    MIX.put(Kind.UNSUBSCRIBE, 10);
    MIX.put(Kind.AUTO_REPLY, 10);
    MIX.put(Kind.UNMATCHED, 5);
  }

  private static final Map<String, Kind> PREFIXES =
      Map.of(
          "hard-", Kind.HARD_BOUNCE,
          "soft-", Kind.SOFT_BOUNCE,
          "complaint-", Kind.COMPLAINT,
          "autoreply-", Kind.AUTO_REPLY,
          "unmatched-", Kind.UNMATCHED);

  /** A delivered message that mail comes back about. */
  record Delivered(long messageKey, String customerId) {}

  /** One returned email and what the classifier makes of it. */
  record Returned(String raw, Kind kind, boolean namesMessage) {}

  private final String bounceAddress;
  private final String unsubscribeAddress;
  private final MessageKeyTokens verp;
  private final SignedTokens links;
  private final ReturnClassifier classifier;
  private final Map<Kind, List<String>> samples = new EnumMap<>(Kind.class);
  private final List<String> skipped = new ArrayList<>();

  ReturnedMailFactory(
      String bounceAddress, String unsubscribeAddress, MessageKeyTokens verp, SignedTokens links)
      throws IOException {
    this.bounceAddress = bounceAddress;
    this.unsubscribeAddress = unsubscribeAddress;
    this.verp = verp;
    this.links = links;
    this.classifier = ReturnClassifier.forBounceAddress(bounceAddress);
    loadSamples();
  }

  /** The samples used, by kind, and those left out because they read otherwise. */
  String describe() {
    StringBuilder text = new StringBuilder();
    samples.forEach((kind, texts) -> text.append("%s %d, ".formatted(kind, texts.size())));
    text.append("mailto unsubscribes built as a mail client sends them");
    if (!skipped.isEmpty()) {
      text.append("; left out (read otherwise with a VERP To): ")
          .append(String.join(", ", skipped));
    }
    return text.toString();
  }

  /** The kind of the n-th returned email, by the mix. */
  static Kind kindOf(int n) {
    int slot = n % 100;
    for (Map.Entry<Kind, Integer> share : MIX.entrySet()) {
      if (slot < share.getValue()) {
        return share.getKey();
      }
      slot -= share.getValue();
    }
    throw new IllegalStateException("the mix does not add up to 100");
  }

  /** The n-th returned email, about this message, classified as the application will. */
  Returned returned(int n, Delivered about) {
    Kind kind = kindOf(n);
    String messageId = "<bench-return-" + n + "@mx.bench.example.net>";
    String raw =
        kind == Kind.UNSUBSCRIBE
            ? mailtoUnsubscribe(about, messageId)
            : addressed(pick(kind, n), about.messageKey(), messageId);
    ReturnedMail read = classifier.classify(raw.getBytes(StandardCharsets.ISO_8859_1));
    boolean names =
        read.verpToken().isPresent()
            || (kind == Kind.UNSUBSCRIBE && read.unsubscribeToken().isPresent());
    return new Returned(raw, read.kind(), names);
  }

  private String pick(Kind kind, int n) {
    List<String> pool = samples.get(kind);
    return pool.get((n / 100) % pool.size());
  }

  private String addressed(String sample, long messageKey, String messageId) {
    String to = verpAddress(messageKey);
    String text =
        Pattern.compile("(?mi)^To:.*$")
            .matcher(sample)
            .replaceFirst(Matcher.quoteReplacement("To: <" + to + ">"));
    Matcher id = Pattern.compile("(?mi)^Message-ID:.*$").matcher(text);
    int headerEnd = headerEnd(text);
    if (id.find() && id.start() < headerEnd) {
      return text.substring(0, id.start()) + "Message-ID: " + messageId + text.substring(id.end());
    }
    return "Message-ID: " + messageId + "\r\n" + text;
  }

  private String verpAddress(long messageKey) {
    int at = bounceAddress.lastIndexOf('@');
    return bounceAddress.substring(0, at)
        + "+"
        + verp.issue(messageKey)
        + bounceAddress.substring(at);
  }

  /** What a mail client sends for the mailto: of a newsletter's List-Unsubscribe. */
  private String mailtoUnsubscribe(Delivered about, String messageId) {
    String token = links.issue(about.customerId(), LinkScope.of(Purpose.NEWSLETTER));
    return "From: <subscriber@bench.example.vn>\r\nTo: <"
        + unsubscribeAddress
        + ">\r\nSubject: unsubscribe "
        + token
        + "\r\nMessage-ID: "
        + messageId
        + "\r\nDate: Mon, 7 Dec 2026 10:00:00 +0700\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n\r\n\r\n";
  }

  private static int headerEnd(String text) {
    int lf = text.indexOf("\n\n");
    int crlf = text.indexOf("\r\n\r\n");
    if (lf < 0) {
      return crlf < 0 ? text.length() : crlf;
    }
    return crlf < 0 ? lf : Math.min(lf, crlf);
  }

  private void loadSamples() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(SAMPLES)) {
      files = listing.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      Optional<Kind> expected =
          PREFIXES.entrySet().stream()
              .filter(prefix -> name.startsWith(prefix.getKey()))
              .map(Map.Entry::getValue)
              .findFirst();
      if (expected.isEmpty()) {
        continue;
      }
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      ReturnedMail read =
          classifier.classify(
              addressed(text, 1, "<probe@bench>").getBytes(StandardCharsets.ISO_8859_1));
      boolean fits =
          read.kind() == expected.get()
              && (expected.get() == Kind.UNMATCHED || read.verpToken().isPresent());
      if (fits) {
        samples.computeIfAbsent(expected.get(), k -> new ArrayList<>()).add(text);
      } else {
        skipped.add(name);
      }
    }
    for (Kind kind : MIX.keySet()) {
      if (kind != Kind.UNSUBSCRIBE && samples.getOrDefault(kind, List.of()).isEmpty()) {
        throw new IllegalStateException("no usable sample of " + kind + " in " + SAMPLES);
      }
    }
  }
}
