package app.custodian.customer.boundary;

import java.util.List;

/**
 * What a feature keeps about a person, as one section of their export ({@code GET
 * /customers/{id}/export}, an access request); a section of messages sent to them is also part of
 * their correspondence (the customer page's list of messages). Each feature contributes its own, as
 * {@link CustomerDeletionListener}s do, so that this feature needs none of them.
 */
public interface CustomerDataSection {

  /** The section's name in the export document, and in the correspondence. */
  String name();

  /** What the feature keeps about the person, in their language where it has words. */
  List<?> of(String customerId, String locale);

  /** Whether the section lists messages sent to the person. */
  default boolean isCorrespondence() {
    return false;
  }
}
