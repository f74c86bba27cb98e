package app.custodian.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void timeOrderedIdsAreVersionSevenUuidsThatSortByTheirMillisecond() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 1000; j++) {
        ids.add(Ids.newTimeOrderedId());
      }
      Thread.sleep(2);
    }
    assertEquals(ids.size(), new HashSet<>(ids).size());
    String previousMillis = "";
    for (String id : ids) {
      UUID uuid = UUID.fromString(id);
      assertEquals(7, uuid.version());
      assertEquals(2, uuid.variant());
      assertEquals(Ids.parse(id).orElseThrow(), id);
      String millis = id.substring(0, 13); // 48 bits of milliseconds, dash included
      assertTrue(millis.compareTo(previousMillis) >= 0, "ids sort by their time: " + id);
      previousMillis = millis;
    }
    long written = UUID.fromString(ids.get(0)).getMostSignificantBits() >>> 16;
    assertTrue(Math.abs(System.currentTimeMillis() - written) < 60_000);
  }
}
