package app.custodian.returns.boundary.batch;

import app.custodian.mail.boundary.MailGateway;
import app.custodian.returns.control.ReturnClassifier;
import app.custodian.returns.control.ReturnedMail;
import app.custodian.returns.control.SourceIds;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.mail.Message;
import java.io.ByteArrayOutputStream;

/**
 * Classifies a returned email (see {@link ReturnClassifier}) and names it: its Message-ID, else a
 * SHA-256 of its raw bytes (the first MiB, all the classifier reads, as {@link ReturnsMailbox#raw}
 * fetches them).
 */
@Named
@Dependent
public class ReturnClassification implements ItemProcessor {

  @Inject MailGateway mail;

  private ReturnClassifier classifier;

  @Override
  public Object processItem(Object item) throws Exception {
    FetchedMail fetched = (FetchedMail) item;
    Message message = fetched.message();
    // The raw message, classified in memory: reading part by part over IMAP costs a round trip
    // each. The reader fetched it with its block (IMAP), else it is read here in one go.
    byte[] raw = fetched.raw() != null ? fetched.raw() : raw(message);
    ReturnedMail returned = classifier().classify(raw);
    String sourceId =
        returned.reportMessageId().isPresent()
            ? returned.reportMessageId().get()
            : SourceIds.digest(raw);
    return new IncomingReturn(message, sourceId, returned);
  }

  private ReturnClassifier classifier() {
    if (classifier == null) {
      String bounce = mail.returnAddresses().bounceAddress();
      classifier =
          bounce == null
              ? ReturnClassifier.withoutVerp()
              : ReturnClassifier.forBounceAddress(bounce);
    }
    return classifier;
  }

  /** The first {@link ReturnClassifier#MAX_MESSAGE_BYTES} of the message, as it was received. */
  private static byte[] raw(Message message) throws Exception {
    CappedBuffer buffer = new CappedBuffer(ReturnClassifier.MAX_MESSAGE_BYTES);
    message.writeTo(buffer);
    return buffer.toByteArray();
  }

  /** Keeps the first bytes written to it and drops the rest. */
  private static final class CappedBuffer extends ByteArrayOutputStream {
    private final int cap;

    CappedBuffer(int cap) {
      super(8192);
      this.cap = cap;
    }

    @Override
    public synchronized void write(int b) {
      if (count < cap) {
        super.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      int room = Math.min(len, cap - count);
      if (room > 0) {
        super.write(b, off, room);
      }
    }
  }
}
