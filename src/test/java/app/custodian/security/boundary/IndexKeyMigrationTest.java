package app.custodian.security.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.security.control.BlindIndex;
import app.custodian.security.control.FieldCipher;
import app.custodian.security.control.KeyMaterial;
import app.custodian.security.control.LegacyIndexKey;
import app.custodian.testing.DatabaseSeeds;
import app.custodian.testing.JobTestCase;
import app.custodian.testing.Queries;
import app.custodian.testing.TestKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 16 on real PostgreSQL, on rows written as before it (blind indexes under the
 * sub-key of the token key): every index recomputed under the index key, no suppression entry lost.
 */
class IndexKeyMigrationTest extends JobTestCase {

  @TempDir Path dataDir;

  KeyMaterial keys;
  BlindIndex oldIndex;
  BlindIndex newIndex;
  FieldCipher cipher;
  DatabaseSeeds before;

  @BeforeEach
  void emptyAndSeedTheOldWay() throws Exception {
    bed.empty(db, "customer", "suppression", "privacy_submission", "legacy_index_key");
    keys =
        KeyMaterial.resolve(
            TestKeys.random(), TestKeys.random(), TestKeys.random(), dataDir, w -> {});
    oldIndex = new BlindIndex(keys.tokenDerivedIndexKey());
    newIndex = keys.blindIndex();
    cipher = keys.fieldCipher();
    before = new DatabaseSeeds(db, cipher, oldIndex);
  }

  @Test
  void indexesMoveToTheIndexKeyAndNoSuppressionIsLost() throws Exception {
    String live = before.customer("Phạm Minh Châu", "Chau@Example.vn", "vi");
    before.execute(
        "update customer set phone = ?, phone_index = ? where id = ?",
        cipher.encrypt("+84901234567"),
        oldIndex.phone("+84901234567"),
        live);
    before.suppress("chau@example.vn", "NEWSLETTER", "UNSUBSCRIBED");
    before.suppress("chau@example.vn", "ALL", "HARD_BOUNCE");
    before.suppress("erased@example.vn", "ALL", "ERASED");
    before.execute(
        "insert into privacy_submission (id, email_index, submitted_at) values ('s1', ?, now())",
        oldIndex.email("chau@example.vn"));

    migrate();

    assertEquals(
        List.of(newIndex.email("chau@example.vn"), newIndex.phone("+84901234567")),
        Queries.row(db, "select email_index, phone_index from customer where id = ?", live));
    assertEquals(
        new TreeSet<>(newIndex.nameWords("Phạm Minh Châu")),
        new TreeSet<>(
            Queries.column(
                db, "select word_index from customer_name_word where customer_id = ?", live)));
    assertEquals(
        Set.of(
            newIndex.email("chau@example.vn") + " NEWSLETTER false",
            newIndex.email("chau@example.vn") + " ALL false",
            oldIndex.email("erased@example.vn") + " ALL true"),
        Set.copyOf(
            Queries.rows(
                db,
                "select address_index, scope, case when legacy then 'true' else 'false' end"
                    + " from suppression")));
    assertEquals(
        List.of(newIndex.email("chau@example.vn")),
        Queries.column(db, "select email_index from privacy_submission"));
    BlindIndex kept = LegacyIndexKey.read(db, cipher).orElseThrow();
    assertEquals(oldIndex.email("erased@example.vn"), kept.email("Erased@example.vn"));
    assertArrayEquals(oldIndex.mac(new byte[] {1}), kept.mac(new byte[] {1}));
  }

  @Test
  void withNoEntryLeftUnderTheOldKeyTheOldKeyIsNotKept() throws Exception {
    before.customer("Lý Thị Lan", "lan@example.vn", "vi");
    before.suppress("lan@example.vn", "ALL");

    migrate();

    assertEquals(0, Queries.count(db, "select count(*) from legacy_index_key"));
    assertEquals(0, Queries.count(db, "select count(*) from suppression where legacy"));
    assertTrue(LegacyIndexKey.read(db, cipher).isEmpty());
  }

  @Test
  void aTokenKeyChangedInTheSameRestartIsRefusedAndNothingChanges() throws Exception {
    String id = before.customer("Lý Thị Lan", "lan@example.vn", "vi");
    before.suppress("erased@example.vn", "ALL", "ERASED");
    KeyMaterial changedTokenKey =
        KeyMaterial.resolve(
            TestKeys.random(), TestKeys.random(), TestKeys.random(), dataDir, w -> {});

    db.setAutoCommit(false);
    try {
      IllegalStateException refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalStateException.class,
              () ->
                  IndexKeyMigration.migrate(
                      db, cipher, newIndex, changedTokenKey.tokenDerivedIndexKey()));
      assertTrue(refused.getMessage().contains("CUSTODIAN_TOKEN_KEY"), refused::getMessage);
    } finally {
      db.rollback();
      db.setAutoCommit(true);
    }
    assertEquals(
        List.of(oldIndex.email("lan@example.vn")),
        Queries.column(db, "select email_index from customer where id = ?", id));
    assertEquals(0, Queries.count(db, "select count(*) from legacy_index_key"));
  }

  private void migrate() throws Exception {
    db.setAutoCommit(false);
    try {
      IndexKeyMigration.migrate(db, cipher, newIndex, keys.tokenDerivedIndexKey());
      db.commit();
    } finally {
      db.setAutoCommit(true);
    }
  }
}
