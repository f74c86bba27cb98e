package app.custodian.security.control;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a personal-data field as AES-GCM ciphertext. */
@Converter
public class EncryptedString implements AttributeConverter<String, byte[]> {

  private FieldCipher cipher;

  @Override
  public byte[] convertToDatabaseColumn(String plaintext) {
    return cipher().encrypt(plaintext);
  }

  @Override
  public String convertToEntityAttribute(byte[] ciphertext) {
    return cipher().decrypt(ciphertext);
  }

  // Converters are created by the persistence provider, so the cipher is looked up, not injected.
  private FieldCipher cipher() {
    if (cipher == null) {
      cipher = CDI.current().select(FieldCipher.class).get();
    }
    return cipher;
  }
}
