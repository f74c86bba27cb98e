package app.custodian.mail.control;

import java.util.regex.Pattern;

/** The advertising label of a subject line. */
public final class Subjects {

  private static final Pattern LEADING_LABELS =
      Pattern.compile("^\\s*(?:\\[\\s*QC\\s*\\]\\s*)*", Pattern.CASE_INSENSITIVE);

  private Subjects() {}

  /**
   * The subject with exactly one leading {@code [QC] } for advertising and none for a service
   * notice, whatever labels the author already typed.
   */
  public static String label(String subject, MailCategory category) {
    String bare = LEADING_LABELS.matcher(subject == null ? "" : subject).replaceFirst("");
    return category == MailCategory.ADVERTISING ? "[QC] " + bare : bare;
  }
}
