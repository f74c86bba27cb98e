package app.custodian.customer.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataCategoryTest {

  @Test
  void readsTheNameHoweverAClientSpellsIt() {
    for (String name : new String[] {"FULL_NAME", "fullName", "full name", "Full-Name", "name"}) {
      assertEquals(Optional.of(DataCategory.FULL_NAME), DataCategory.parse(name), name);
    }
    assertEquals(Optional.of(DataCategory.ORGANIZATION), DataCategory.parse("organisation"));
    assertEquals(Optional.of(DataCategory.JOB_TITLE), DataCategory.parse("jobTitle"));
    assertEquals(Optional.of(DataCategory.CONSENT_RECORDS), DataCategory.parse("consents"));
  }

  @Test
  void refusesWhatIsNoCategory() {
    assertTrue(DataCategory.parse("shoe size").isEmpty());
    assertTrue(DataCategory.parse("").isEmpty());
    assertTrue(DataCategory.parse(null).isEmpty());
    assertTrue(DataCategory.names().startsWith("FULL_NAME, EMAIL"));
  }
}
