package app.custodian.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailStreamsTest {

  private final String before = System.getProperty(MailStreams.PROPERTY);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(MailStreams.PROPERTY);
    } else {
      System.setProperty(MailStreams.PROPERTY, before);
    }
  }

  @Test
  void namesAngusMailsProviderSoThatNoLookupIsNeeded() {
    System.clearProperty(MailStreams.PROPERTY);

    MailStreams.nameTheProvider();

    assertEquals(MailStreams.ANGUS, System.getProperty(MailStreams.PROPERTY));
    assertEquals(MailStreamProvider.class, StreamProvider.provider().getClass());
  }

  @Test
  void keepsTheNameAnOperatorSet() {
    System.setProperty(MailStreams.PROPERTY, "com.example.TheirProvider");

    MailStreams.nameTheProvider();

    assertEquals("com.example.TheirProvider", System.getProperty(MailStreams.PROPERTY));
  }
}
