package app.custodian.processing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.consent.entity.Purpose;
import app.custodian.processing.control.ProcessingActivity.LawfulBasis;
import app.custodian.retention.control.RetentionPolicy;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessingRecordsTest {

  static final List<ProcessingActivity> ACTIVITIES =
      ProcessingRecords.activities(RetentionPolicy.of("P6M", "P3Y", "Asia/Ho_Chi_Minh"));

  @Test
  void everyConsentPurposeOfTheCodeIsAnActivityOnConsent() {
    List<String> onConsent =
        ACTIVITIES.stream()
            .filter(a -> a.lawfulBasis() == LawfulBasis.CONSENT)
            .map(ProcessingActivity::consentPurpose)
            .toList();
    assertEquals(Arrays.stream(Purpose.values()).map(Enum::name).toList(), onConsent);
  }

  @Test
  void retentionPeriodsComeFromTheSettings() {
    ProcessingActivity service = ACTIVITIES.get(0);
    assertEquals(LawfulBasis.CONTRACT, service.lawfulBasis());
    assertTrue(service.retention().contains("P6M"), service.retention());
    assertTrue(service.retention().contains("P3Y"), service.retention());
    assertTrue(ACTIVITIES.stream().allMatch(a -> a.retention().contains("P6M")));
  }

  @Test
  void everyActivityNamesDataAndRecipients() {
    for (ProcessingActivity activity : ACTIVITIES) {
      assertFalse(activity.dataCategories().isEmpty(), activity.name());
      assertFalse(activity.recipients().isEmpty(), activity.name());
      assertFalse(activity.description().isBlank(), activity.name());
    }
  }
}
