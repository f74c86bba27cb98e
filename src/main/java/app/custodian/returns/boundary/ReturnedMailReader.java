package app.custodian.returns.boundary;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import java.io.Serializable;

/**
 * Reads the returns mailbox ({@code CUSTODIAN_RETURNS_MAILBOX}) message by message, oldest first.
 * What a run processed has left the mailbox by the time it ends (see {@link ReturnWriter}), so a
 * restart reads what is left and needs no checkpoint; a message whose return was committed but not
 * yet moved is read again and recorded no second time.
 */
@Named
@Dependent
public class ReturnedMailReader extends AbstractItemReader {

  @Inject StepContext step;
  @Inject ReturnSettings settings;

  private ReturnsMailbox mailbox;
  private Message[] messages;
  private int next;

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
      Message message = messages[next++];
      if (!message.isExpunged() && !message.isSet(Flags.Flag.DELETED)) {
        return message;
      }
    }
    return null;
  }

  @Override
  public void close() throws Exception {
    if (mailbox != null) {
      mailbox.close();
    }
  }
}
