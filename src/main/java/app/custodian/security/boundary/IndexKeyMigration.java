package app.custodian.security.boundary;

import app.custodian.platform.boundary.CodeMigration;
import app.custodian.security.control.BlindIndex;
import app.custodian.security.control.FieldCipher;
import app.custodian.security.control.KeyMaterial;
import app.custodian.security.control.LegacyIndexKey;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 16: every blind index recomputed under {@code CUSTODIAN_INDEX_KEY}, from the
 * decrypted values, with the old key (derived from the token key) still at hand: customers' email,
 * phone and name words; each suppression entry of a live customer's address and each privacy form
 * submission of one moved along with that address. The other suppression entries stay as they are,
 * marked legacy (version 15), and the old key is kept, encrypted, for them.
 *
 * <p>Submissions of addresses that no customer has keep their old value: they match nothing and go
 * after a day like the others. A privacy request's pending verification code (a keyed hash) no
 * longer matches: the person asks for a new one.
 */
@Dependent
public class IndexKeyMigration extends CodeMigration {

  static final int PAGE = 1000;

  private final Keys keys;

  @Inject
  public IndexKeyMigration(Keys keys) {
    super("16", "blind indexes under the index key");
    this.keys = keys;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    KeyMaterial material = keys.material();
    migrate(
        context.getConnection(),
        keys.fieldCipher(),
        material.blindIndex(),
        material.tokenDerivedIndexKey());
  }

  /** The migration on a connection, for tests that prepare the old state themselves. */
  public static void migrate(
      Connection connection, FieldCipher cipher, BlindIndex index, byte[] oldIndexKey)
      throws SQLException {
    try (Statement all = connection.createStatement()) {
      all.executeUpdate("update suppression set legacy = true");
    }
    BlindIndex oldIndex = new BlindIndex(oldIndexKey);
    String after = "";
    List<CustomerRow> page;
    do {
      page = page(connection, after);
      checkOldKey(cipher, oldIndex, page);
      rewrite(connection, cipher, index, page);
      if (!page.isEmpty()) {
        after = page.get(page.size() - 1).id();
      }
    } while (page.size() == PAGE);
    if (legacyEntriesRemain(connection)) {
      LegacyIndexKey.store(connection, cipher, oldIndexKey);
    }
  }

  /**
   * The old key is derived from the token key of this start: if that is not the key the indexes
   * were made with (the token key was changed in the same restart), the entries of erased people
   * would be kept under a key that matches nothing. Refused, with the whole migration.
   */
  private static void checkOldKey(FieldCipher cipher, BlindIndex oldIndex, List<CustomerRow> page) {
    for (CustomerRow row : page) {
      if (!oldIndex.email(cipher.decrypt(row.email())).equals(row.emailIndex())) {
        throw new IllegalStateException(
            "The blind indexes were not made with the CUSTODIAN_TOKEN_KEY given now: start once"
                + " with the token key they were made with and the new CUSTODIAN_INDEX_KEY, and"
                + " change the token key only after that start.");
      }
    }
  }

  private record CustomerRow(
      String id, byte[] fullName, byte[] email, String emailIndex, byte[] phone) {}

  private static List<CustomerRow> page(Connection connection, String after) throws SQLException {
    List<CustomerRow> rows = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "select id, full_name, email, email_index, phone from customer where id > ?"
                + " order by id fetch first "
                + PAGE
                + " rows only")) {
      query.setString(1, after);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rows.add(
              new CustomerRow(
                  row.getString(1),
                  row.getBytes(2),
                  row.getBytes(3),
                  row.getString(4),
                  row.getBytes(5)));
        }
      }
    }
    return rows;
  }

  private static void rewrite(
      Connection connection, FieldCipher cipher, BlindIndex index, List<CustomerRow> page)
      throws SQLException {
    try (PreparedStatement customer =
            connection.prepareStatement(
                "update customer set email_index = ?, phone_index = ? where id = ?");
        PreparedStatement forgetWords =
            connection.prepareStatement("delete from customer_name_word where customer_id = ?");
        PreparedStatement word =
            connection.prepareStatement(
                "insert into customer_name_word (customer_id, word_index) values (?, ?)");
        PreparedStatement suppression =
            connection.prepareStatement(
                "update suppression set address_index = ?, legacy = false"
                    + " where address_index = ? and legacy = true");
        PreparedStatement submission =
            connection.prepareStatement(
                "update privacy_submission set email_index = ? where email_index = ?")) {
      for (CustomerRow row : page) {
        String email = index.email(cipher.decrypt(row.email()));
        String phone = row.phone() == null ? null : index.phone(cipher.decrypt(row.phone()));
        Set<String> words = index.nameWords(cipher.decrypt(row.fullName()));
        customer.setString(1, email);
        customer.setString(2, phone);
        customer.setString(3, row.id());
        customer.addBatch();
        forgetWords.setString(1, row.id());
        forgetWords.addBatch();
        for (String w : words) {
          word.setString(1, row.id());
          word.setString(2, w);
          word.addBatch();
        }
        suppression.setString(1, email);
        suppression.setString(2, row.emailIndex());
        suppression.addBatch();
        submission.setString(1, email);
        submission.setString(2, row.emailIndex());
        submission.addBatch();
      }
      customer.executeBatch();
      forgetWords.executeBatch();
      word.executeBatch();
      suppression.executeBatch();
      submission.executeBatch();
    }
  }

  private static boolean legacyEntriesRemain(Connection connection) throws SQLException {
    try (Statement query = connection.createStatement();
        ResultSet row =
            query.executeQuery("select count(*) from suppression where legacy = true")) {
      row.next();
      return row.getLong(1) > 0;
    }
  }
}
