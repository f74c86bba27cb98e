package app.custodian.returns.boundary.batch;

import app.custodian.returns.boundary.ReturnSettings;
import app.custodian.returns.control.ReturnClassifier;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the returns mailbox ({@code CUSTODIAN_RETURNS_MAILBOX}) message by message, oldest first.
 * What a run processed has left the mailbox by the time it ends (see {@link ReturnWriter}), so a
 * restart reads what is left and needs no checkpoint; a message whose return was committed but not
 * yet moved is read again and recorded no second time.
 *
 * <p>Over IMAP the raw messages come a block at a time, one command each (see {@link
 * ReturnsMailbox#raw}): a block holds at most {@value #BLOCK_MESSAGES} messages and {@value
 * #BLOCK_BYTES} bytes (each message counted up to what the classifier reads), so that a few huge
 * messages do not fill the heap. Few large blocks rather than many small ones: some servers
 * (GreenMail among them) spend time on every FETCH in proportion to the whole mailbox.
 */
@Named
@Dependent
public class ReturnedMailReader extends AbstractItemReader {

  static final int BLOCK_MESSAGES = 5000;
  static final long BLOCK_BYTES = 16L * 1024 * 1024;

  @Inject StepContext step;
  @Inject ReturnSettings settings;

  private ReturnsMailbox mailbox;
  private Message[] messages;
  private int next;
  private int blockEnd;
  private Map<Message, byte[]> block = Map.of();

  @Override
  public void open(Serializable checkpoint) throws Exception {
    mailbox =
        ReturnsMailbox.open(
            settings
                .mailbox()
                .orElseThrow(
                    () -> new IllegalStateException("CUSTODIAN_RETURNS_MAILBOX is not set")),
            settings.processedFolder());
    step.setTransientUserData(mailbox);
    messages = mailbox.messages();
    mailbox.prefetchFlags(messages);
  }

  @Override
  public Object readItem() throws Exception {
    while (next < messages.length) {
      if (next >= blockEnd) {
        fetchBlock();
      }
      Message message = messages[next];
      messages[next++] = null; // what the run has handed on, the reader no longer holds
      if (isLeft(message)) {
        return new FetchedMail(message, block.remove(message));
      }
    }
    return null;
  }

  private void fetchBlock() throws Exception {
    List<Message> wanted = new ArrayList<>();
    long bytes = 0;
    int end = next;
    while (end < messages.length && wanted.size() < BLOCK_MESSAGES) {
      Message message = messages[end];
      long size = Math.min(Math.max(message.getSize(), 0), ReturnClassifier.MAX_MESSAGE_BYTES);
      if (!wanted.isEmpty() && bytes + size > BLOCK_BYTES) {
        break;
      }
      end++;
      if (isLeft(message)) {
        wanted.add(message);
        bytes += size;
      }
    }
    blockEnd = end;
    block = new HashMap<>(mailbox.raw(wanted));
  }

  private static boolean isLeft(Message message) throws Exception {
    return !message.isExpunged() && !message.isSet(Flags.Flag.DELETED);
  }

  @Override
  public void close() throws Exception {
    if (mailbox != null) {
      mailbox.close();
    }
  }
}
