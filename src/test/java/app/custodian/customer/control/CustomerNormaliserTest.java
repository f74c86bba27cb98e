package app.custodian.customer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.custodian.customer.boundary.CustomerInput;
import app.custodian.customer.entity.CustomerDetails;
import app.custodian.security.control.BlindIndex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CustomerNormaliserTest {

  @Test
  void trimsConvertsPhonesAndDefaultsTheLocale() {
    CustomerInput input = new CustomerInput();
    input.fullName = "  Trần Thị Bình ";
    input.email = " binh@example.vn";
    input.phone = "0912 345 678";
    input.fax = "(028) 3822 1234";
    input.address = "   ";
    CustomerDetails details = CustomerNormaliser.details(input);
    assertEquals("Trần Thị Bình", details.fullName());
    assertEquals("binh@example.vn", details.email());
    assertEquals("+84912345678", details.phone());
    assertEquals("+842838221234", details.fax());
    assertNull(details.address(), "blank means absent");
    assertEquals("vi", details.locale());
  }

  @Test
  void indexesFindTheSamePersonWrittenDifferently() {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 7);
    BlindIndex index = new BlindIndex(key);
    CustomerInput a = new CustomerInput();
    a.fullName = "Trần Thị Bình";
    a.email = "Binh@Example.vn";
    CustomerInput b = new CustomerInput();
    b.fullName = "tran thi binh";
    b.email = "binh@example.vn";
    var first = CustomerNormaliser.indexes(CustomerNormaliser.details(a), index);
    var second = CustomerNormaliser.indexes(CustomerNormaliser.details(b), index);
    assertEquals(first, second);
    assertEquals(3, first.nameWords().size());
    assertNull(first.phone());
  }
}
