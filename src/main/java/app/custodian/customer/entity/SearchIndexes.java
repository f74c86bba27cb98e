package app.custodian.customer.entity;

import java.util.Set;

/** Blind indexes of a customer's email, phone and name words (HMACs, never plaintext). */
public record SearchIndexes(String email, String phone, Set<String> nameWords) {

  public SearchIndexes {
    nameWords = Set.copyOf(nameWords);
  }
}
