/**
 * What the {@code policy-notice} and {@code breach-notice} jobs share: the {@code notice_delivery}
 * rows (exactly once per notice and customer, PENDING committed before the SMTP hand-off), the
 * start-run step, the reader of recipients, the processor, the writer and the report. A notice kind
 * plugs in through a {@link app.custodian.notice.boundary.NoticeTopic}: whom it goes to and what it
 * says.
 */
package app.custodian.notice;
