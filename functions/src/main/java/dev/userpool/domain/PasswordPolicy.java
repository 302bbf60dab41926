package dev.userpool.domain;

import java.util.Map;

/** A pool's PasswordPolicyType (sources §8.1). */
public record PasswordPolicy(
    int minimumLength,
    boolean requireUppercase,
    boolean requireLowercase,
    boolean requireNumbers,
    boolean requireSymbols,
    int temporaryPasswordValidityDays) {

  /** Cognito's defaults for a pool created without a password policy. */
  public static final PasswordPolicy DEFAULT = new PasswordPolicy(8, true, true, true, true, 7);

  static PasswordPolicy fromSettings(Map<?, ?> p) {
    return new PasswordPolicy(
        p.get("MinimumLength") instanceof Number n ? n.intValue() : DEFAULT.minimumLength,
        Boolean.TRUE.equals(p.get("RequireUppercase")),
        Boolean.TRUE.equals(p.get("RequireLowercase")),
        Boolean.TRUE.equals(p.get("RequireNumbers")),
        Boolean.TRUE.equals(p.get("RequireSymbols")),
        p.get("TemporaryPasswordValidityDays") instanceof Number d && d.intValue() > 0
            ? d.intValue()
            : DEFAULT.temporaryPasswordValidityDays);
  }
}
