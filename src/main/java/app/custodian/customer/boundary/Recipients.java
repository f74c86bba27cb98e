package app.custodian.customer.boundary;

import app.custodian.security.control.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The addressee of a bulk message, read with plain JDBC on the caller's connection: batch jobs run
 * outside EJB and JPA (on JBeret SE in tests). The caller audits what it does with it.
 */
@ApplicationScoped
public class Recipients {

  @Inject FieldCipher cipher;

  /** The live customer with this id, or empty when erased or purged. */
  public Optional<Recipient> read(Connection connection, String customerId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select full_name, email, email_index, locale from customer where id = ?")) {
      query.setString(1, customerId);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Recipient(
                customerId,
                cipher.decrypt(row.getBytes(1)),
                cipher.decrypt(row.getBytes(2)),
                row.getString(3),
                row.getString(4)));
      }
    }
  }
}
