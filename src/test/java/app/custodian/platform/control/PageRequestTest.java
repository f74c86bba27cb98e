package app.custodian.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void defaultsToTheFirstPageOfFifty() {
    assertEquals(new PageRequest(0, 50), PageRequest.of(null, null));
    assertEquals(1000, PageRequest.of(2, 500).offset());
  }

  @Test
  void rejectsOutOfRangeValuesNamingTheFields() {
    ProblemException problem = assertThrows(ProblemException.class, () -> PageRequest.of(-1, 501));
    assertEquals(
        java.util.List.of("page", "size"),
        problem.errors().stream().map(FieldError::field).toList());
    assertThrows(ProblemException.class, () -> PageRequest.of(0, 0));
  }
}
