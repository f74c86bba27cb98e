package app.custodian.security.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;

/**
 * The blind index key of the suppression entries that could not be recomputed when the indexes
 * moved to {@code CUSTODIAN_INDEX_KEY} (addresses of erased people, known only by that index). It
 * sits in the database, encrypted under the PII key, so that it outlives a change of the token key
 * it was derived from.
 */
public final class LegacyIndexKey {

  /** Its row in {@code legacy_index_key}; pii-reencrypt rewrites it with the other values. */
  public static final String ID = "token-derived";

  private LegacyIndexKey() {}

  public static void store(Connection connection, FieldCipher cipher, byte[] key)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("insert into legacy_index_key (id, key_value) values (?, ?)")) {
      insert.setString(1, ID);
      insert.setBytes(2, cipher.encrypt(Base64.getEncoder().encodeToString(key)));
      insert.executeUpdate();
    }
  }

  /** The blind indexes under the old key, when legacy entries were left. */
  public static Optional<BlindIndex> read(Connection connection, FieldCipher cipher)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("select key_value from legacy_index_key where id = ?")) {
      query.setString(1, ID);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(of(row.getBytes(1), cipher));
      }
    }
  }

  /** The blind indexes under the key as stored in {@code legacy_index_key.key_value}. */
  public static BlindIndex of(byte[] stored, FieldCipher cipher) {
    return new BlindIndex(Base64.getDecoder().decode(cipher.decrypt(stored)));
  }
}
