package app.custodian.campaign.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedSqlTest {

  @Test
  void eachNameBecomesAPlaceholderAndMayRecur() {
    NamedSql sql =
        NamedSql.of("select id from t where a > :after and b > :after and c = :purpose limit :n");

    assertEquals("select id from t where a > ? and b > ? and c = ? limit ?", sql.sql());
    assertEquals(List.of("after", "after", "purpose", "n"), sql.names());
  }

  @Test
  void aCastIsNotAParameter() {
    NamedSql sql = NamedSql.of("select :at::timestamptz");

    assertEquals("select ?::timestamptz", sql.sql());
    assertEquals(List.of("at"), sql.names());
  }

  @Test
  void aMissingValueIsRefusedBeforeAnythingIsPrepared() {
    NamedSql sql = NamedSql.of("select 1 where :campaign = :purpose");

    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> sql.prepare(null, Map.of("campaign", "c")));
    assertTrue(refused.getMessage().contains(":purpose"), refused.getMessage());
  }

  @Test
  void theAudienceFragmentsNameEveryValueTheyTake() {
    NamedSql count =
        NamedSql.of(
            "select count(*) from "
                + Audience.CONSENTED
                + " and not "
                + Audience.SUPPRESSED
                + " and "
                + Audience.UNDELIVERED_OPEN
                + ")");

    assertEquals(List.of("purpose", "allPurposes", "purpose", "campaign"), count.names());
  }
}
