package app.custodian.security.boundary;

import app.custodian.audit.control.EntryMac;
import app.custodian.security.control.BlindIndex;
import app.custodian.security.control.FieldCipher;
import app.custodian.security.control.KeyMaterial;
import app.custodian.security.control.SignedTokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys for personal data at rest, for tokens and blind indexes, and for the MACs of audit
 * entries: from configuration, never from the database. Resolved at start, so a missing key is
 * generated (with a warning) before the first request.
 */
@ApplicationScoped
public class Keys {

  private static final Logger LOG = Logger.getLogger(Keys.class.getName());

  @Inject
  @ConfigProperty(name = "custodian.pii.key")
  Optional<String> piiKey;

  @Inject
  @ConfigProperty(name = "custodian.token.key")
  Optional<String> tokenKey;

  @Inject
  @ConfigProperty(name = "custodian.audit.key")
  Optional<String> auditKey;

  @Inject
  @ConfigProperty(name = "custodian.data.dir")
  String dataDir;

  private FieldCipher fieldCipher;
  private BlindIndex blindIndex;
  private SignedTokens signedTokens;
  private EntryMac entryMac;

  @PostConstruct
  void resolve() {
    KeyMaterial keys =
        KeyMaterial.resolve(
            piiKey.orElse(null), tokenKey.orElse(null), Path.of(dataDir), LOG::warning);
    fieldCipher = keys.fieldCipher();
    blindIndex = keys.blindIndex();
    signedTokens = keys.signedTokens();
    entryMac =
        new EntryMac(
            KeyMaterial.resolveAuditKey(auditKey.orElse(null), Path.of(dataDir), LOG::warning));
  }

  void atStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    fieldCipher(); // resolves the keys now rather than at the first request
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
  public EntryMac entryMac() {
    return entryMac;
  }
}
