package app.custodian.returns.boundary;

import app.custodian.returns.control.MailboxAddress;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * The returns mailbox, open for one run: its messages, and moving the processed ones to the
 * processed folder (IMAP: moved there in one step where the server has MOVE, RFC 6851, else copied
 * there and then expunged here, so a crash in between can leave a copy in both; POP3: deleted when
 * the mailbox closes).
 */
final class ReturnsMailbox implements AutoCloseable {

  private static final String TIMEOUT = "60000";

  private final MailboxAddress address;
  private final String processedName;
  private final Store store;
  private final Folder folder;
  private Folder processed;

  private ReturnsMailbox(MailboxAddress address, String processedName, Store store, Folder folder) {
    this.address = address;
    this.processedName = processedName;
    this.store = store;
    this.folder = folder;
  }

  static ReturnsMailbox open(MailboxAddress address, String processedFolder)
      throws MessagingException {
    Properties properties = new Properties();
    for (String protocol : List.of(address.protocol())) {
      properties.setProperty("mail." + protocol + ".connectiontimeout", TIMEOUT);
      properties.setProperty("mail." + protocol + ".timeout", TIMEOUT);
    }
    properties.setProperty("mail.mime.address.strict", "false");
    Store store = Session.getInstance(properties).getStore(address.protocol());
    store.connect(address.host(), address.port(), address.user(), address.password());
    try {
      Folder folder = store.getFolder(address.folder());
      folder.open(Folder.READ_WRITE);
      return new ReturnsMailbox(address, processedFolder, store, folder);
    } catch (MessagingException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The messages in the mailbox now, oldest first. */
  Message[] messages() throws MessagingException {
    return folder.getMessages();
  }

  /** Fetches the flags of all the messages in one command rather than one each. */
  void prefetchFlags(Message[] messages) throws MessagingException {
    FetchProfile flags = new FetchProfile();
    flags.add(FetchProfile.Item.FLAGS);
    folder.fetch(messages, flags);
  }

  /** Moves the messages out of the mailbox: their returns are committed. */
  void processed(List<Message> messages) throws MessagingException {
    if (messages.isEmpty()) {
      return;
    }
    Message[] batch = messages.toArray(Message[]::new);
    if (folder instanceof IMAPFolder imap && ((IMAPStore) store).hasCapability("MOVE")) {
      imap.moveMessages(batch, processedFolder()); // atomic: never in both folders
      return;
    }
    if (!address.isPop3()) {
      folder.copyMessages(batch, processedFolder());
    }
    folder.setFlags(batch, new Flags(Flags.Flag.DELETED), true);
    if (!address.isPop3()) {
      folder.expunge();
    }
  }

  private Folder processedFolder() throws MessagingException {
    if (processed == null) {
      Folder candidate = store.getFolder(processedName);
      if (!candidate.exists()) {
        candidate.create(Folder.HOLDS_MESSAGES);
      }
      processed = candidate;
    }
    return processed;
  }

  @Override
  public void close() throws MessagingException {
    try {
      if (folder.isOpen()) {
        folder.close(address.isPop3()); // POP3 deletes what is marked when it closes
      }
    } finally {
      store.close();
    }
  }
}
