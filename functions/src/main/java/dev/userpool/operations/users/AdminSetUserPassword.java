package dev.userpool.operations.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.crypto.PasswordPolicyCheck;
import dev.userpool.crypto.Srp6a;
import dev.userpool.domain.PasswordPolicy;
import dev.userpool.domain.PasswordVerifier;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * Cognito AdminSetUserPassword: Permanent=true sets the password and the user CONFIRMED; otherwise
 * (the API default) it is a temporary password, valid TemporaryPasswordValidityDays, and the user
 * FORCE_CHANGE_PASSWORD. The password must satisfy the pool's policy (InvalidPasswordException).
 */
public final class AdminSetUserPassword implements Operation {
  private final Lookups lookups;
  private final UserDirectory directory;
  private final SecureRandom random;

  public AdminSetUserPassword(Lookups lookups, UserDirectory directory, SecureRandom random) {
    this.lookups = lookups;
    this.directory = directory;
    this.random = random;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    String password = in.string("Password");
    boolean permanent = in.optBoolean("Permanent").orElse(false);
    var user = directory.require(pool, in.string("Username"));
    PasswordPolicy policy = pool.view().passwordPolicy();
    PasswordPolicyCheck.check(policy, password);
    Instant now = ctx.now();
    Instant until =
        permanent ? null : now.plus(Duration.ofDays(policy.temporaryPasswordValidityDays()));
    // The verifier is computed once, outside the retry loop: the SRP user id (the username) never
    // changes.
    PasswordVerifier verifier =
        Srp6a.createVerifier(pool.srpPoolName(), user.username(), password, random, now, until);
    directory.update(
        pool,
        user,
        u ->
            u.withPassword(
                verifier,
                permanent ? UserStatus.CONFIRMED : UserStatus.FORCE_CHANGE_PASSWORD,
                now));
    return Json.object();
  }
}
