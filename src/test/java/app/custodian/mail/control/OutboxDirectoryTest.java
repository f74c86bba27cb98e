package app.custodian.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox keeps a customer's messages in their folder, and forgets exactly those. */
class OutboxDirectoryTest {

  @TempDir Path root;

  @Test
  void aCustomersMessagesGoWithTheirFolderAndNobodyElsesDo() throws Exception {
    OutboxDirectory outbox = new OutboxDirectory(root);
    String erased = UUID.randomUUID().toString();
    String kept = UUID.randomUUID().toString();
    Path first = outbox.write(message(), UUID.randomUUID().toString(), erased);
    Path second = outbox.write(message(), UUID.randomUUID().toString(), erased);
    Path theirs = outbox.write(message(), UUID.randomUUID().toString(), kept);
    Path nobodys = outbox.write(message(), UUID.randomUUID().toString(), null);
    assertEquals(root.resolve(erased), first.getParent());
    assertEquals(root, nobodys.getParent());
    assertTrue(first.getFileName().toString().matches("\\d{8}-\\d{6}-\\d{3}-[0-9a-f-]{36}\\.eml"));

    int forgotten = outbox.forget(List.of(erased, UUID.randomUUID().toString()));

    assertEquals(2, forgotten);
    assertFalse(Files.exists(root.resolve(erased)), "their folder is gone");
    assertFalse(Files.exists(first) || Files.exists(second));
    assertTrue(Files.exists(theirs) && Files.exists(nobodys), "the others stay");
  }

  @Test
  void onlyACustomerIdNamesAFolder() {
    OutboxDirectory outbox = new OutboxDirectory(root);
    for (String notAnId : List.of("..", "../outbox", "", "1-1-1-1-1", "a/b")) {
      assertThrows(IllegalArgumentException.class, () -> outbox.forget(List.of(notAnId)));
      assertThrows(
          IllegalArgumentException.class,
          () -> outbox.write(message(), UUID.randomUUID().toString(), notAnId));
    }
    assertTrue(Files.exists(root), "nothing outside or of the outbox was touched");
  }

  static MimeMessage message() throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setText("Xin chào", "UTF-8");
    message.saveChanges();
    return message;
  }
}
