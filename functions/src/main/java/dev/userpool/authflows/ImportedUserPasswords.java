package dev.userpool.authflows;

import dev.userpool.crypto.Srp6a;
import dev.userpool.domain.PasswordVerifier;
import dev.userpool.domain.User;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lazy password migration of users imported from Cognito. The import marks such a user with the
 * {@link #EXTENSION} extension ({@code {"clientId": <source app client>, "endpoint": <source
 * endpoint or absent>}}); on the first password sign-in the source pool is asked, and on success
 * the password becomes the user's SRP verifier and the mark is dropped, so the source is never
 * asked again for that user. A refused password is a wrong password, with the same answer and
 * lockout count.
 */
public final class ImportedUserPasswords {
  public static final String EXTENSION = "passwordInSource";

  private final SourcePasswords source;
  private final UserAccounts users;
  private final SecureRandom random;

  public ImportedUserPasswords(SourcePasswords source, UserAccounts users, SecureRandom random) {
    this.source = source;
    this.users = users;
    this.random = random;
  }

  /** True for an imported user whose password is still only known to the source pool. */
  public static boolean awaitsPassword(User user) {
    return user.password() == null && user.extensions().containsKey(EXTENSION);
  }

  /**
   * The stored user now holding {@code password} as its verifier, or empty when the source refuses
   * it.
   */
  Optional<User> adopt(SignInContext ctx, User user, String password) {
    if (!source.accepts(ctx.pool(), user, password)) {
      return Optional.empty();
    }
    PasswordVerifier verifier =
        Srp6a.createVerifier(
            ctx.pool().srpPoolName(), user.username(), password, random, ctx.now(), null);
    return Optional.of(
        users.update(
            ctx.pool(),
            user,
            u -> {
              Map<String, Object> extensions = new LinkedHashMap<>(u.extensions());
              extensions.remove(EXTENSION);
              return u.withExtensions(extensions, ctx.now())
                  .withPassword(verifier, u.status(), ctx.now());
            }));
  }
}
