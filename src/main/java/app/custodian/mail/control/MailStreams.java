package app.custodian.mail.control;

/**
 * Names Jakarta Mail's stream provider once, for the whole process. Without the name, Jakarta Mail
 * 2.1 looks the provider up with a {@link java.util.ServiceLoader} on every header it encodes or
 * decodes and every body part it makes; under Payara that lookup walks the application class
 * loader's jars each time, and the profile of the mail jobs showed it taking half of the
 * classification of returned mail and a quarter of the application's CPU in all. A name set by the
 * operator ({@code -Djakarta.mail.util.StreamProvider=...}) is kept.
 */
public final class MailStreams {

  static final String PROPERTY = "jakarta.mail.util.StreamProvider";
  static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

  private MailStreams() {}

  /** Names Angus Mail's provider, when it is there and no other is named. */
  public static void nameTheProvider() {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    try {
      Class.forName(ANGUS, false, jakarta.mail.util.StreamProvider.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError absent) {
      return; // another implementation: its own lookup applies
    }
    System.setProperty(PROPERTY, ANGUS);
  }
}
