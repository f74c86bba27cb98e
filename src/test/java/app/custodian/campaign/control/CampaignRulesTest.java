package app.custodian.campaign.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.campaign.entity.CampaignContent;
import app.custodian.consent.entity.Purpose;
import app.custodian.mail.control.MailCategory;
import app.custodian.platform.control.FieldError;
import app.custodian.platform.control.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignRulesTest {

  static final String TEXT = "Chào {{fullName}}. Hủy: {{unsubscribeUrl}}";
  static final String HTML = "<p>{{fullName}}</p><a href=\"{{unsubscribeUrl}}\">Hủy</a>";

  @Test
  void aNewsletterAdvertisesByDefault() {
    CampaignContent content = CampaignRules.content("n", null, null, "Tin", TEXT, HTML);
    assertEquals(Purpose.NEWSLETTER, content.purpose());
    assertTrue(content.advertising());
    assertEquals(MailCategory.ADVERTISING, content.category());
  }

  @Test
  void aSurveyIsAServiceMessageUnlessItClaimsToAdvertise() {
    CampaignContent survey = CampaignRules.content("n", "survey", null, "Tin", TEXT, null);
    assertEquals(Purpose.SURVEY, survey.purpose());
    assertFalse(survey.advertising());
    assertEquals(
        List.of(new FieldError("advertising", "advertising needs the purpose NEWSLETTER")),
        errors(() -> CampaignRules.content("n", "SURVEY", true, "Tin", TEXT, null)));
  }

  @Test
  void onlyNewsletterAndSurveyArePurposesOfACampaign() {
    for (String purpose : List.of("RENEWAL_REMINDER", "THIRD_PARTY_SHARING", "SPAM")) {
      assertEquals(
          "purpose",
          errors(() -> CampaignRules.content("n", purpose, false, "s", TEXT, null)).get(0).field());
    }
  }

  @Test
  void everyBodyMustShowTheUnsubscribeLinkOutsideAnySection() {
    assertEquals(
        List.of("textBody"),
        fields(() -> CampaignRules.content("n", null, null, "s", "Hi {{fullName}}", HTML)));
    assertEquals(
        List.of("htmlBody"),
        fields(() -> CampaignRules.content("n", null, null, "s", TEXT, "<p>{{fullName}}</p>")));
    assertEquals(
        List.of("textBody"),
        fields(
            () ->
                CampaignRules.content(
                    "n", null, null, "s", "{{#vip}}{{unsubscribeUrl}}{{/vip}}", null)));
  }

  @Test
  void aBrokenTemplateNamesItsField() {
    assertEquals(
        List.of("subject"),
        fields(() -> CampaignRules.content("n", null, null, "Tin {{fullName", TEXT, null)));
    assertEquals(
        List.of("htmlBody"),
        fields(() -> CampaignRules.content("n", null, null, "s", TEXT, "{{> header}}")));
  }

  @Test
  void theCollectorImageIsRefusedNamingTheFieldAndThePlaceholder() {
    String collector =
        "<img src=\"https://collector.example/p?n={{fullName}}&u={{preferencesUrl}}\">" + HTML;
    List<FieldError> errors =
        errors(() -> CampaignRules.content("n", null, null, "Tin", TEXT, collector));
    assertEquals(List.of("htmlBody"), errors.stream().map(FieldError::field).toList());
    assertTrue(errors.get(0).message().startsWith("{{fullName}} and {{preferencesUrl}} stand"));
    assertEquals(
        List.of("subject", "textBody"),
        fields(
            () ->
                CampaignRules.content(
                    "n",
                    null,
                    null,
                    "Tin https://x.example/?n={{fullName}}",
                    "https://x.example/?n={{fullName}} " + TEXT,
                    HTML)));
  }

  @Test
  void aSavedCampaignThatBreaksTheRulesIsAConflictToSend() {
    CampaignRules.checkSendable(CampaignRules.content("n", null, null, "Tin", TEXT, HTML));
    CampaignContent saved =
        new CampaignContent(
            "n", Purpose.NEWSLETTER, true, "Tin", TEXT, "<img src=\"{{fullName}}\">" + HTML);
    ProblemException problem =
        assertThrows(ProblemException.class, () -> CampaignRules.checkSendable(saved));
    assertEquals(409, problem.status());
    assertEquals("htmlBody", problem.errors().get(0).field());
    assertTrue(problem.errors().get(0).message().contains("{{fullName}}"));
  }

  private static List<FieldError> errors(Runnable call) {
    ProblemException problem = assertThrows(ProblemException.class, call::run);
    assertEquals(400, problem.status());
    return problem.errors();
  }

  private static List<String> fields(Runnable call) {
    return errors(call).stream().map(FieldError::field).toList();
  }
}
