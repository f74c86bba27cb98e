package app.custodian.customer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.custodian.customer.boundary.CustomerInput;
import app.custodian.platform.control.FieldError;
import app.custodian.platform.control.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerMergePatchTest {

  private static CustomerInput current() {
    CustomerInput input = new CustomerInput();
    input.fullName = "Nguyễn Văn An";
    input.email = "an@example.vn";
    input.fax = "+842838221234";
    input.jobTitle = "Kỹ sư";
    return input;
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void aValueReplacesNullRemovesAndAbsentKeeps() {
    CustomerInput patched =
        CustomerMergePatch.apply(current(), json("{\"jobTitle\":\"Giám đốc\",\"fax\":null}"));
    assertEquals("Giám đốc", patched.jobTitle);
    assertNull(patched.fax);
    assertEquals("Nguyễn Văn An", patched.fullName);
    assertEquals("an@example.vn", patched.email);
  }

  @Test
  void unknownFieldsAndNonStringsAreInvalidAndNamed() {
    ProblemException problem =
        assertThrows(
            ProblemException.class,
            () -> CustomerMergePatch.apply(current(), json("{\"id\":\"x\",\"phone\":912}")));
    assertEquals(400, problem.status());
    assertEquals(
        List.of(
            new FieldError("id", "is not a customer field"),
            new FieldError("phone", "must be a string or null")),
        problem.errors());
  }
}
