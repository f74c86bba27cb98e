package app.custodian.returns.boundary.batch;

import app.custodian.returns.control.MailboxAddress;
import app.custodian.returns.control.ReturnClassifier;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.imap.protocol.UIDSet;

/**
 * The returns mailbox, open for one run: its messages, and moving the processed ones to the
 * processed folder (IMAP: moved there in one step with {@code UID MOVE}, RFC 6851, where the server
 * has it, else copied there and then expunged here, so a crash in between can leave a copy in both;
 * POP3: deleted when the mailbox closes).
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

  /**
   * Fetches the flags and sizes of all the messages (and over IMAP their UIDs) in one command
   * rather than one each.
   */
  void prefetchFlags(Message[] messages) throws MessagingException {
    FetchProfile profile = new FetchProfile();
    profile.add(FetchProfile.Item.FLAGS);
    profile.add(FetchProfile.Item.SIZE);
    if (folder instanceof IMAPFolder) {
      profile.add(UIDFolder.FetchProfileItem.UID);
    }
    folder.fetch(messages, profile);
  }

  /**
   * The raw bytes of these messages as received, the first {@link
   * ReturnClassifier#MAX_MESSAGE_BYTES} of each (all the classifier reads), fetched over IMAP in
   * one {@code UID FETCH} rather than one round trip each. Empty over POP3, and without the
   * messages the server did not return (expunged meanwhile): those are read one by one.
   */
  Map<Message, byte[]> raw(List<Message> messages) throws MessagingException {
    if (messages.isEmpty() || !(folder instanceof IMAPFolder imap)) {
      return Map.of();
    }
    Map<Long, Message> byUid = new HashMap<>();
    for (Message message : messages) {
      byUid.put(imap.getUID(message), message);
    }
    long[] uids = byUid.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    String command =
        "UID FETCH "
            + UIDSet.toString(UIDSet.createUIDSets(uids))
            + " (UID BODY.PEEK[]<0."
            + ReturnClassifier.MAX_MESSAGE_BYTES
            + ">)";
    Map<Message, byte[]> raw = new HashMap<>();
    imap.doCommand(
        protocol -> {
          Response[] responses = protocol.command(command, null);
          for (Response response : responses) {
            if (response instanceof FetchResponse fetched) {
              UID uid = fetched.getItem(UID.class);
              BODY body = fetched.getItem(BODY.class);
              Message message = uid == null ? null : byUid.get(uid.uid);
              if (message != null && body != null) {
                raw.put(message, body.getByteArray().getNewBytes());
              }
            }
          }
          // Anything else the server said (EXPUNGE, EXISTS, flag changes) is the folder's to know.
          protocol.notifyResponseHandlers(responses);
          protocol.handleResult(responses[responses.length - 1]);
          return null;
        });
    return raw;
  }

  /** Moves the messages out of the mailbox: their returns are committed. */
  void processed(List<Message> messages) throws MessagingException {
    if (messages.isEmpty()) {
      return;
    }
    Message[] batch = messages.toArray(Message[]::new);
    if (folder instanceof IMAPFolder imap && canMove(imap)) {
      move(imap, batch, processedFolder().getFullName()); // atomic: never in both folders
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

  private static boolean canMove(IMAPFolder imap) throws MessagingException {
    return (Boolean) imap.doCommand(protocol -> protocol.hasCapability("MOVE"));
  }

  /**
   * {@code UID MOVE} (RFC 6851): one command instead of copy, flag and expunge, by UID so that it
   * costs the server no lookup of message numbers.
   */
  private static void move(IMAPFolder imap, Message[] messages, String target)
      throws MessagingException {
    long[] uids = new long[messages.length];
    for (int i = 0; i < messages.length; i++) {
      uids[i] = imap.getUID(messages[i]);
    }
    Arrays.sort(uids);
    String set = UIDSet.toString(UIDSet.createUIDSets(uids));
    imap.doCommand(
        protocol -> {
          Argument mailbox = new Argument();
          mailbox.writeString(BASE64MailboxEncoder.encode(target));
          Response[] responses = protocol.command("UID MOVE " + set, mailbox);
          // The EXPUNGE responses renumber the folder's messages.
          protocol.notifyResponseHandlers(responses);
          protocol.handleResult(responses[responses.length - 1]);
          return null;
        });
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
