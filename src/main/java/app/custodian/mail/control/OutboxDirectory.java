package app.custodian.mail.control;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The outbox: with no SMTP relay, each message is an {@code .eml} file named by its time and
 * Message-ID. A message about a customer sits in that customer's folder, named by their id (an id
 * is not personal data), so that their erasure or purge removes exactly their messages without
 * reading anyone else's; the others sit at the top.
 */
public final class OutboxDirectory {

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  /** Tries to remove a customer's folder while a message still lands in it. */
  private static final int FORGET_ATTEMPTS = 3;

  private final Path root;

  public OutboxDirectory(Path root) {
    this.root = root;
  }

  /**
   * Writes to a hidden temporary file first, so a reader of the outbox never sees half a file.
   *
   * @param customerId the customer the message is about, or null
   * @return the file written
   */
  public Path write(MimeMessage message, String uuid, String customerId)
      throws IOException, MessagingException {
    Path dir = customerId == null ? root : folderOf(customerId);
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + uuid, ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
        message.writeTo(out);
      }
      Path target = dir.resolve(FILE_TIME.format(Instant.now()) + "-" + uuid + ".eml");
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Deletes every message about these customers, and their folders.
   *
   * @return how many messages went
   */
  public int forget(Collection<String> customerIds) throws IOException {
    int deleted = 0;
    for (String customerId : customerIds) {
      deleted += forget(folderOf(customerId));
    }
    return deleted;
  }

  private static int forget(Path folder) throws IOException {
    int deleted = 0;
    for (int attempt = 1; ; attempt++) {
      if (!Files.isDirectory(folder)) {
        return deleted;
      }
      for (Path file : list(folder)) {
        if (Files.deleteIfExists(file) && file.getFileName().toString().endsWith(".eml")) {
          deleted++;
        }
      }
      try {
        Files.deleteIfExists(folder);
        return deleted;
      } catch (DirectoryNotEmptyException e) {
        if (attempt == FORGET_ATTEMPTS) {
          throw e; // a writer keeps adding to it: not a customer who is gone
        }
      }
    }
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }

  /** The folder of a customer's messages; an id that is not a UUID names none. */
  Path folderOf(String customerId) {
    String canonical;
    try {
      canonical = UUID.fromString(customerId).toString();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a customer id: " + customerId, e);
    }
    if (!canonical.equalsIgnoreCase(customerId)) {
      throw new IllegalArgumentException("Not a customer id: " + customerId);
    }
    return root.resolve(canonical);
  }
}
