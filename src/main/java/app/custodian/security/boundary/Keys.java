package app.custodian.security.boundary;

import app.custodian.audit.control.EntryMac;
import app.custodian.platform.database.DatabaseSettings;
import app.custodian.security.control.BlindIndex;
import app.custodian.security.control.FieldCipher;
import app.custodian.security.control.KeyMaterial;
import app.custodian.security.control.MessageKeyTokens;
import app.custodian.security.control.RequiredKeys;
import app.custodian.security.control.SignedTokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys for personal data at rest (with the retired ones still read), for blind indexes, for
 * tokens, and for the MACs of audit entries: from configuration, never from the database. Resolved
 * at start, so a missing key is generated (with a warning) before the first request on the embedded
 * default, and stops the process on PostgreSQL.
 */
@ApplicationScoped
public class Keys {

  private static final Logger LOG = Logger.getLogger(Keys.class.getName());

  @Inject
  @ConfigProperty(name = "custodian.pii.key")
  Optional<String> piiKey;

  @Inject
  @ConfigProperty(name = "custodian.pii.retired.keys")
  Optional<String> retiredPiiKeys;

  @Inject
  @ConfigProperty(name = "custodian.token.key")
  Optional<String> tokenKey;

  @Inject
  @ConfigProperty(name = "custodian.index.key")
  Optional<String> indexKey;

  @Inject
  @ConfigProperty(name = "custodian.audit.key")
  Optional<String> auditKey;

  @Inject
  @ConfigProperty(name = "custodian.audit.retired.keys")
  Optional<String> retiredAuditKeys;

  @Inject
  @ConfigProperty(name = "custodian.data.dir")
  String dataDir;

  private KeyMaterial material;
  private FieldCipher fieldCipher;
  private BlindIndex blindIndex;
  private SignedTokens signedTokens;
  private MessageKeyTokens messageKeyTokens;
  private EntryMac entryMac;

  @PostConstruct
  void resolve() {
    if (!DatabaseSettings.fromEnvironment().embedded()) {
      refuseToStartWithout(RequiredKeys.missing(configured()));
    }
    material =
        KeyMaterial.resolve(
            piiKey.orElse(null),
            retiredPiiKeys.orElse(null),
            tokenKey.orElse(null),
            indexKey.orElse(null),
            Path.of(dataDir),
            LOG::warning);
    fieldCipher = material.fieldCipher();
    blindIndex = material.blindIndex();
    signedTokens = material.signedTokens();
    messageKeyTokens = material.messageKeyTokens();
    entryMac =
        new EntryMac(
            KeyMaterial.resolveAuditKey(auditKey.orElse(null), Path.of(dataDir), LOG::warning),
            KeyMaterial.retiredKeys("CUSTODIAN_AUDIT_RETIRED_KEYS", retiredAuditKeys.orElse(null)));
  }

  private Map<String, String> configured() {
    Map<String, String> values = new HashMap<>();
    values.put("CUSTODIAN_PII_KEY", piiKey.orElse(null));
    values.put("CUSTODIAN_TOKEN_KEY", tokenKey.orElse(null));
    values.put("CUSTODIAN_INDEX_KEY", indexKey.orElse(null));
    values.put("CUSTODIAN_AUDIT_KEY", auditKey.orElse(null));
    return values;
  }

  /**
   * A failed deployment would leave Payara Micro running without the application, so the process
   * itself ends, with status 1, once the reason is written where the operator looks.
   */
  private static void refuseToStartWithout(List<String> missing) {
    if (missing.isEmpty()) {
      return;
    }
    String refusal = RequiredKeys.refusal(missing);
    System.err.println(refusal);
    System.err.flush();
    LOG.severe(refusal);
    ProcessExit.now(1);
    throw new IllegalStateException(refusal);
  }

  void atStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    fieldCipher(); // resolves the keys now rather than at the first request
  }

  /** The keys themselves, for the migration that moves blind indexes to the index key. */
  public KeyMaterial material() {
    return material;
  }

  @Produces
  public FieldCipher fieldCipher() {
    return fieldCipher;
  }

  @Produces
  public BlindIndex blindIndex() {
    return blindIndex;
  }

  @Produces
  public SignedTokens signedTokens() {
    return signedTokens;
  }

  @Produces
  public MessageKeyTokens messageKeyTokens() {
    return messageKeyTokens;
  }

  @Produces
  public EntryMac entryMac() {
    return entryMac;
  }
}
