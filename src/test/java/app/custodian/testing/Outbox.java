package app.custodian.testing;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** The outbox directory that Custodian writes messages to when no SMTP server is set. */
public final class Outbox {

  private Outbox() {}

  /** Polls until the directory holds {@code count} messages (oldest first), or fails after 30 s. */
  public static List<MimeMessage> waitForMessages(Path outbox, int count) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    List<Path> files = files(outbox);
    while (files.size() < count && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      files = files(outbox);
    }
    if (files.size() != count) {
      throw new AssertionError("expected " + count + " messages in " + outbox + ": " + files);
    }
    List<MimeMessage> messages = new ArrayList<>();
    for (Path file : files) {
      messages.add(read(file));
    }
    return messages;
  }

  /**
   * The messages in the outbox and in its customers' folders, oldest first (file names start with
   * the time).
   */
  public static List<Path> files(Path outbox) throws IOException {
    if (!Files.isDirectory(outbox)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.walk(outbox, 2)) {
      return listing
          .filter(p -> p.getFileName().toString().endsWith(".eml"))
          .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()))
          .toList();
    }
  }

  /** The message in the file. */
  public static MimeMessage read(Path file) throws IOException, MessagingException {
    try (InputStream in = Files.newInputStream(file)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }
}
