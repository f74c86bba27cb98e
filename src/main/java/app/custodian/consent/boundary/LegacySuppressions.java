package app.custodian.consent.boundary;

import app.custodian.customer.boundary.CustomerEmailSet;
import app.custodian.security.control.BlindIndex;
import app.custodian.security.control.FieldCipher;
import app.custodian.security.control.LegacyIndexKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Suppression entries left under the old blind index key when the indexes moved to {@code
 * CUSTODIAN_INDEX_KEY} (see {@code IndexKeyMigration}): addresses no live customer had, known only
 * by their old index. Whenever an address is seen in plain (a customer created or their email
 * changed, the suppression API), its legacy entries move to its current index, in the caller's
 * transaction. So every suppression of a live customer's address is always under the current index,
 * and the lookups by index (campaign audiences, consent checks) need no second value. Costs one
 * HMAC and one indexed update, and nothing at all where no entry was left.
 */
@ApplicationScoped
public class LegacySuppressions {

  @PersistenceContext EntityManager em;
  @Inject FieldCipher cipher;
  @Inject BlindIndex blindIndex;

  private volatile Optional<BlindIndex> legacyIndex;

  /** A customer's address was set: its legacy entries, if any, move to its current index. */
  void adopt(@Observes CustomerEmailSet set) {
    adopt(set.email());
  }

  /** Moves the address's legacy entries, if any, to its current index. */
  public void adopt(String email) {
    if (email == null || email.isBlank()) {
      return;
    }
    Optional<BlindIndex> legacy = legacyIndex();
    if (legacy.isEmpty()) {
      return;
    }
    String old = legacy.get().email(email);
    String current = blindIndex.email(email);
    // the entry already under the current index in the same scope stays (the first reason stays)
    em.createNativeQuery(
            "delete from suppression where legacy = true and address_index = ?1 and scope in"
                + " (select s.scope from suppression s where s.address_index = ?2)")
        .setParameter(1, old)
        .setParameter(2, current)
        .executeUpdate();
    em.createNativeQuery(
            "update suppression set address_index = ?1, legacy = false"
                + " where address_index = ?2 and legacy = true")
        .setParameter(1, current)
        .setParameter(2, old)
        .executeUpdate();
  }

  /**
   * As {@link #adopt(String)} for many addresses at once, with plain JDBC on the caller's
   * connection and in its transaction (batch jobs, outside JPA).
   */
  public void adopt(Connection connection, Collection<String> emails) throws SQLException {
    if (emails.isEmpty()) {
      return;
    }
    Optional<BlindIndex> legacy = legacyIndex(connection);
    if (legacy.isEmpty()) {
      return;
    }
    try (PreparedStatement delete =
            connection.prepareStatement(
                "delete from suppression where legacy = true and address_index = ? and scope in"
                    + " (select s.scope from suppression s where s.address_index = ?)");
        PreparedStatement update =
            connection.prepareStatement(
                "update suppression set address_index = ?, legacy = false"
                    + " where address_index = ? and legacy = true")) {
      for (String email : emails) {
        String old = legacy.get().email(email);
        String current = blindIndex.email(email);
        delete.setString(1, old);
        delete.setString(2, current);
        delete.addBatch();
        update.setString(1, current);
        update.setString(2, old);
        update.addBatch();
      }
      delete.executeBatch();
      update.executeBatch();
    }
  }

  private Optional<BlindIndex> legacyIndex(Connection connection) throws SQLException {
    Optional<BlindIndex> known = legacyIndex;
    if (known == null) {
      try (PreparedStatement query =
          connection.prepareStatement("select key_value from legacy_index_key where id = ?")) {
        query.setString(1, LegacyIndexKey.ID);
        try (ResultSet row = query.executeQuery()) {
          known =
              row.next()
                  ? Optional.of(LegacyIndexKey.of(row.getBytes(1), cipher))
                  : Optional.empty();
        }
      }
      legacyIndex = known;
    }
    return known;
  }

  private Optional<BlindIndex> legacyIndex() {
    Optional<BlindIndex> known = legacyIndex;
    if (known == null) {
      @SuppressWarnings("unchecked")
      List<byte[]> stored =
          em.createNativeQuery("select key_value from legacy_index_key where id = ?1")
              .setParameter(1, LegacyIndexKey.ID)
              .getResultList();
      known = stored.stream().findFirst().map(value -> LegacyIndexKey.of(value, cipher));
      legacyIndex = known;
    }
    return known;
  }
}
