package dev.userpool.operations.self;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.VerificationCode;
import dev.userpool.operations.codes.CodeCheck;
import dev.userpool.operations.users.PendingAttributes;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.UniqueKeyTakenException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cognito VerifyUserAttribute (sources §4.7): the attribute code makes {@code email_verified} /
 * {@code phone_number_verified} "true"; a code sent to a pending value ({@link PendingAttributes})
 * first makes that value the attribute's. Checks top-down: the access token, the attribute name,
 * the code (ExpiredCodeException when none is live, CodeMismatchException counted,
 * LimitExceededException after {@value CodeCheck#CONFIRM_ATTEMPTS} wrong answers — DG quotas: 15
 * per hour), the value the code was sent to is still the attribute's or pending (else
 * ExpiredCodeException: the code is for a value the user no longer has; guessed), then the alias
 * (AliasExistsException when another user holds the verified value). The code is used up only when
 * the verification is accepted.
 */
public final class VerifyUserAttribute implements Operation {
  private final AccessTokens tokens;
  private final UserDirectory directory;
  private final CodeCheck check;

  public VerifyUserAttribute(AccessTokens tokens, UserDirectory directory, CodeCheck check) {
    this.tokens = tokens;
    this.directory = directory;
    this.check = check;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SignedInUser who = tokens.requireValid(in.string("AccessToken"));
    String name = VerifiableAttributes.require(in.string("AttributeName"));
    String code = in.string("Code");
    UserPool pool = who.pool();
    User user = who.user();
    VerificationCode stored =
        check.require(
            pool.id(), user.sub(), VerificationCode.attribute(name), code, check.confirmAttempts());
    Instant now = ctx.now();
    UserDirectory.requireKeysFree(
        directory, pool, user, verified(user, name, stored.destination(), now));
    check.consume(stored, code);
    try {
      directory.update(pool, user, u -> verified(u, name, stored.destination(), now));
    } catch (UniqueKeyTakenException e) {
      throw UserDirectory.aliasTaken(e);
    }
    return Json.object();
  }

  /** The user with {@code name} verified at {@code destination} (a pending value applied). */
  static User verified(User u, String name, String destination, Instant now) {
    Map<String, String> attributes = new LinkedHashMap<>(u.attributes());
    Map<String, String> pending = PendingAttributes.of(u);
    if (destination != null && destination.equals(pending.get(name))) {
      attributes.put(name, destination);
      pending.remove(name);
    } else if (destination == null || !destination.equals(u.attribute(name))) {
      throw CodeCheck.expired();
    }
    attributes.put(name + "_verified", "true");
    return PendingAttributes.with(u.withAttributes(attributes, now), pending, now);
  }
}
