package app.custodian.consent.boundary;

import app.custodian.security.control.BlindIndex;
import app.custodian.security.control.FieldCipher;
import app.custodian.security.control.LegacyIndexKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
