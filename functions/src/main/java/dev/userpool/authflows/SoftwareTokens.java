package dev.userpool.authflows;

import dev.userpool.authflows.UserMfa.SoftwareToken;
import dev.userpool.crypto.Totp;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * A user's TOTP authenticator: association (a new secret, shown once, kept sealed until verified),
 * verification of the first code (the secret becomes the user's), and the codes of sign-ins. Every
 * accepted code moves the user's last accepted time step forward in the same version-checked write,
 * so a code (or any older one) is accepted once even when two requests present it at the same
 * moment.
 */
public final class SoftwareTokens {
  private final UserAccounts users;
  private final SoftwareTokenSecrets secrets;
  private final SecureRandom random;

  public SoftwareTokens(UserAccounts users, SoftwareTokenSecrets secrets, SecureRandom random) {
    this.users = users;
    this.secrets = secrets;
    this.random = random;
  }

  /**
   * SoftwareTokenMFANotFoundException "Software Token MFA has not been enabled by the userPool."
   * (developer guide, TOTP software token MFA) when the pool does not offer TOTP.
   */
  public static void requireEnabledByPool(UserPool pool) {
    if (!PoolMfa.of(pool).softwareToken()) {
      throw ErrorCode.SOFTWARE_TOKEN_MFA_NOT_FOUND.exception(
          "Software Token MFA has not been enabled by the userPool.");
    }
  }

  /**
   * A new secret for the user, returned once as 32 base32 characters; a verified token stays until
   * replaced.
   */
  public String associate(UserPool pool, User user, Instant now) {
    byte[] secret = Totp.newSecret(random);
    String sealed = secrets.seal(pool.id(), user.sub(), secret);
    users.update(
        pool,
        user,
        u -> {
          SoftwareToken t = UserMfa.softwareToken(u);
          return UserMfa.withSoftwareToken(
              u, new SoftwareToken(t.sealedSecret(), sealed, t.friendlyName(), t.lastStep()), now);
        });
    return Totp.base32(secret);
  }

  /**
   * Verifies the first code of the associated secret, which then replaces any earlier token. No
   * association → SoftwareTokenMFANotFoundException (wording guessed); a wrong or replayed code →
   * EnableSoftwareTokenMFAException "Code mismatch and fail enable Software Token MFA" (observed,
   * aws-samples/aws-amplify-auth-starters#15).
   */
  public User verifyAssociation(
      UserPool pool, User user, String code, String friendlyName, Instant now) {
    String pending = UserMfa.softwareToken(user).sealedPending();
    if (pending == null) {
      throw ErrorCode.SOFTWARE_TOKEN_MFA_NOT_FOUND.exception(
          "Software token MFA has not been associated.");
    }
    byte[] secret =
        secrets.open(pool.id(), user.sub(), pending).orElseThrow(SoftwareTokens::mismatchOnEnable);
    OptionalLong step = Totp.matchingStep(secret, code, now);
    if (step.isEmpty()) {
      throw mismatchOnEnable();
    }
    return users.update(
        pool,
        user,
        u -> {
          SoftwareToken t = UserMfa.softwareToken(u);
          if (!pending.equals(t.sealedPending())) {
            throw mismatchOnEnable(); // re-associated meanwhile: the code was for a secret that is
            // gone
          }
          return UserMfa.withSoftwareToken(
              u, new SoftwareToken(pending, null, friendlyName, step.getAsLong()), now);
        });
  }

  /**
   * Whether {@code code} is a current code of the user's verified token not accepted before;
   * accepting it records its step. False for a wrong code, a replayed one, or a user without a
   * verified token.
   */
  public boolean acceptSignInCode(UserPool pool, User user, String code, Instant now) {
    SoftwareToken token = UserMfa.softwareToken(user);
    if (!token.verified()) {
      return false;
    }
    byte[] secret = secrets.open(pool.id(), user.sub(), token.sealedSecret()).orElse(null);
    if (secret == null) {
      return false;
    }
    OptionalLong step = Totp.matchingStep(secret, code, now);
    if (step.isEmpty() || step.getAsLong() <= token.lastStep()) {
      return false;
    }
    try {
      users.update(
          pool,
          user,
          u -> {
            SoftwareToken fresh = UserMfa.softwareToken(u);
            if (!token.sealedSecret().equals(fresh.sealedSecret())
                || step.getAsLong() <= fresh.lastStep()) {
              throw new Replayed();
            }
            return UserMfa.withSoftwareToken(
                u,
                new SoftwareToken(
                    fresh.sealedSecret(),
                    fresh.sealedPending(),
                    fresh.friendlyName(),
                    step.getAsLong()),
                u.lastModifiedDate());
          });
      return true;
    } catch (Replayed e) {
      return false;
    }
  }

  private static RuntimeException mismatchOnEnable() {
    return ErrorCode.ENABLE_SOFTWARE_TOKEN_MFA.exception(
        "Code mismatch and fail enable Software Token MFA");
  }

  /** Another request accepted this step first. */
  private static final class Replayed extends RuntimeException {
    Replayed() {
      super(null, null, false, false);
    }
  }
}
