package app.custodian.processing.control;

import app.custodian.customer.entity.DataCategory;
import java.util.List;

/**
 * One line of the records of processing (GDPR art. 30(1); Decree 13): what is done, why, on which
 * basis, with which kinds of data, who may receive them, and when they are erased.
 *
 * @param consentPurpose the consent purpose that governs it, or null when it rests on another basis
 */
public record ProcessingActivity(
    String name,
    String description,
    LawfulBasis lawfulBasis,
    String consentPurpose,
    List<DataCategory> dataCategories,
    List<String> recipients,
    String retention) {

  /** Why the processing is lawful (GDPR art. 6(1) a, b, c). */
  public enum LawfulBasis {
    CONSENT,
    CONTRACT,
    LEGAL_OBLIGATION
  }
}
