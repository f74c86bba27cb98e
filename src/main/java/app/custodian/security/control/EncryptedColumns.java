package app.custodian.security.control;

import java.util.List;

/**
 * Every column that holds AES-GCM ciphertext of {@link FieldCipher}, by table: what pii-reencrypt
 * rewrites. A test compares it with the bytea columns of the migrated schema, so a new encrypted
 * column cannot be forgotten here.
 */
public final class EncryptedColumns {

  /** A table with a string primary key {@code id} and its encrypted columns. */
  public record Table(String name, List<String> columns) {}

  public static final List<Table> ALL =
      List.of(
          new Table(
              "customer",
              List.of(
                  "full_name",
                  "email",
                  "phone",
                  "address",
                  "organization",
                  "job_title",
                  "fax",
                  "legal_hold_reason")),
          new Table("consent_event", List.of("evidence")),
          new Table(
              "privacy_request",
              List.of(
                  "extension_reason",
                  "verification_evidence",
                  "suspension_reason",
                  "refusal_reason",
                  "reason_for_person")),
          new Table("privacy_notice", List.of("erased_address")),
          new Table("legacy_index_key", List.of("key_value")));

  private EncryptedColumns() {}
}
