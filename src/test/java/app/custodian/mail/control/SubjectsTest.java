package app.custodian.mail.control;

import static app.custodian.mail.control.MailCategory.ADVERTISING;
import static app.custodian.mail.control.MailCategory.SERVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SubjectsTest {

  @Test
  void advertisingStartsWithExactlyOneLabel() {
    assertEquals("[QC] Ưu đãi tháng 11", Subjects.label("Ưu đãi tháng 11", ADVERTISING));
    assertEquals("[QC] Ưu đãi", Subjects.label("[QC] Ưu đãi", ADVERTISING));
    assertEquals("[QC] Ưu đãi", Subjects.label("[QC][QC] Ưu đãi", ADVERTISING));
    assertEquals("[QC] Ưu đãi", Subjects.label("  [qc]  [ Qc ]Ưu đãi", ADVERTISING));
    assertEquals("[QC] ", Subjects.label("", ADVERTISING));
  }

  @Test
  void serviceNoticesAreNeverLabelled() {
    assertEquals("Hợp đồng sắp hết hạn", Subjects.label("Hợp đồng sắp hết hạn", SERVICE));
    assertEquals("Hợp đồng sắp hết hạn", Subjects.label("[QC] Hợp đồng sắp hết hạn", SERVICE));
    assertEquals("Thông báo", Subjects.label("[qc] [QC]Thông báo", SERVICE));
  }

  @Test
  void onlyLeadingLabelsAreTouched() {
    assertEquals("[QC] Giá [QC] mới", Subjects.label("Giá [QC] mới", ADVERTISING));
    assertEquals("Giá [QC] mới", Subjects.label("Giá [QC] mới", SERVICE));
  }
}
