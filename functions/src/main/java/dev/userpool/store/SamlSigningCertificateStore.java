package dev.userpool.store;

import dev.userpool.domain.SamlSigningCertificate;
import java.util.function.Supplier;

/**
 * One SAML signing certificate per pool, created on first use; concurrent first callers all get the
 * stored one.
 */
public interface SamlSigningCertificateStore {
  SamlSigningCertificate getOrCreate(String poolId, Supplier<SamlSigningCertificate> fresh);
}
