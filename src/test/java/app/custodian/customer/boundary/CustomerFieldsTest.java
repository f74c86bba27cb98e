package app.custodian.customer.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerFieldsTest {

  private static CustomerView an() {
    return new CustomerView(
        "id",
        "Nguyễn Văn An",
        "an@example.vn",
        "+84912345678",
        null,
        "Công ty A",
        null,
        null,
        "vi",
        "web",
        Instant.EPOCH,
        Instant.EPOCH,
        Map.of(),
        false);
  }

  @Test
  void anUntouchedFormIsAnEmptyPatch() {
    Map<String, String> form = CustomerFields.of(an());
    form.put("address", "");
    assertTrue(CustomerFields.patch(CustomerFields.of(an()), form).isEmpty());
  }

  @Test
  void aChangedFieldIsReplacedAndABlankedOneRemoved() {
    Map<String, String> form = CustomerFields.of(an());
    form.put("jobTitle", "Kỹ sư");
    form.put("organization", "  ");
    var patch = CustomerFields.patch(CustomerFields.of(an()), form);
    assertEquals(2, patch.size());
    assertEquals("Kỹ sư", patch.getString("jobTitle"));
    assertEquals(JsonValue.NULL, patch.get("organization"));
  }

  @Test
  void theInputHoldsTheFieldsWithBlanksAbsent() {
    Map<String, String> form = CustomerFields.blank();
    form.put("fullName", "Trần Thị Bình");
    form.put("email", "binh@example.vn");
    form.put("phone", "");
    form.put("source", "counter");
    CustomerInput input = CustomerFields.input(form);
    assertEquals("Trần Thị Bình", input.fullName);
    assertEquals("binh@example.vn", input.email);
    assertEquals("vi", input.locale);
    assertEquals("counter", input.source);
    assertNull(input.phone);
  }
}
