package app.custodian.audit.boundary;

/** The result of walking the whole audit chain; firstBrokenSeq is null when it is valid. */
public record ChainVerification(boolean valid, long entries, Long firstBrokenSeq) {}
