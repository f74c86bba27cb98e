package app.custodian.returns.boundary;

import app.custodian.mail.boundary.MailGateway;
import app.custodian.returns.control.ReturnClassifier;
import app.custodian.returns.control.ReturnedMail;
import app.custodian.returns.control.SourceIds;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/**
 * Classifies a returned email (see {@link ReturnClassifier}) and names it: its Message-ID, else a
 * SHA-256 of its raw bytes.
 */
@Named
@Dependent
public class ReturnClassification implements ItemProcessor {

  @Inject MailGateway mail;

  private ReturnClassifier classifier;

  @Override
  public Object processItem(Object item) throws Exception {
    MimeMessage message = (MimeMessage) item;
    ReturnedMail returned = classifier().classify(message);
    String sourceId =
        returned.reportMessageId().isPresent() ? returned.reportMessageId().get() : digest(message);
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

  private static String digest(MimeMessage message) throws Exception {
    MessageDigest digester = SourceIds.digester();
    try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digester)) {
      message.writeTo(out);
    }
    return SourceIds.of(digester);
  }
}
