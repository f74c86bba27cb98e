package app.custodian.security.boundary.batch;

import app.custodian.security.control.EncryptedRow;
import app.custodian.security.control.FieldCipher;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * A row with a value under a retired key, written again under the current key; a row already under
 * it is filtered out, so a restart that reads a row twice does nothing the second time.
 */
@Named
@Dependent
public class ReencryptionProcessor implements ItemProcessor {

  @Inject FieldCipher cipher;

  @Override
  public Object processItem(Object item) {
    EncryptedRow row = (EncryptedRow) item;
    return row.current(cipher) ? null : row.reencrypted(cipher);
  }
}
