package app.custodian.privacy.boundary;

import app.custodian.consent.control.Texts;
import app.custodian.mail.boundary.MailGateway;
import app.custodian.mail.control.MailCategory;
import app.custodian.mail.control.MailTemplates;
import app.custodian.mail.control.OutboundMail;
import app.custodian.mail.control.RenderedContent;
import app.custodian.platform.boundary.Controller;
import app.custodian.privacy.entity.PrivacyEmailKind;
import app.custodian.privacy.entity.PrivacyRequest;
import app.custodian.privacy.entity.RequestStatus;
import app.custodian.privacy.entity.RequestType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The emails about privacy requests, in the person's language. All are service notices: no
 * advertising label, no unsubscribe links (they answer the person's own request, whatever their
 * consents).
 */
@ApplicationScoped
public class PrivacyMessages {

  private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter EN_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  @Inject MailGateway mail;
  @Inject Controller controller;
  @Inject PrivacySettings settings;

  /** What one message says beyond the request itself. */
  public record Details(String fullName, String code, String link) {}

  /**
   * @param request the request it is about; null for the public form's link
   */
  public OutboundMail compose(
      PrivacyEmailKind kind, PrivacyRequest request, String to, String locale, Details details) {
    String language = "en".equals(locale) ? "en" : "vi";
    Map<String, Object> values = new HashMap<>();
    values.put("hasName", details.fullName() != null);
    values.put("fullName", details.fullName() == null ? "" : details.fullName());
    values.put("privacyContact", controller.privacyContact());
    values.put("companyName", mail.sender().companyName());
    values.put("hasCode", details.code() != null);
    values.put("code", details.code() == null ? "" : details.code());
    values.put("codeHours", settings.codeTtl().toHours());
    values.put("link", details.link() == null ? "" : details.link());
    values.put("linkHours", settings.linkTtl().toHours());
    if (request != null) {
      values.put("reference", request.id());
      values.put("typeName", typeName(request.type(), language));
      values.put("dueBy", date(request.dueBy(), language));
      String reason =
          kind == PrivacyEmailKind.EXTENDED
              ? request.extensionReason()
              : refusalAsTold(request, language);
      values.put("reason", reason == null ? "" : reason);
    }
    RenderedContent content = MailTemplates.load(kind.template(), language).render(values);
    return mail.composer().compose(to, language, content, MailCategory.SERVICE, null);
  }

  /**
   * What the person is told of a refusal: the reason written for them, or else the standard text;
   * never staff's own reason (a legal hold's stays internal). Null for a request not refused.
   */
  static String refusalAsTold(PrivacyRequest request, String language) {
    if (request.status() != RequestStatus.REFUSED) {
      return null;
    }
    return request.reasonForPerson() != null
        ? request.reasonForPerson()
        : Texts.of(language).get("requestRefusal.standard");
  }

  static String typeName(RequestType type, String language) {
    return Texts.of(language).get("requestType." + type.name());
  }

  public static String date(LocalDate date, String language) {
    return ("en".equals(language) ? EN_DATE : VI_DATE).format(date);
  }
}
