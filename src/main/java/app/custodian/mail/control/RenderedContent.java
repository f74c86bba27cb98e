package app.custodian.mail.control;

/** A rendered template: subject and plain text, and the HTML body or {@code null}. */
public record RenderedContent(String subject, String text, String html) {}
