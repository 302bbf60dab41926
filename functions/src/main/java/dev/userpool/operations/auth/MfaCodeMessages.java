package dev.userpool.operations.auth;

import dev.userpool.authflows.MfaCodes;
import dev.userpool.authflows.PoolMfa;
import dev.userpool.authflows.SignInContext;
import dev.userpool.domain.User;
import dev.userpool.domain.VerificationCode;
import dev.userpool.operations.codes.CodeDelivery;
import dev.userpool.operations.codes.CodeRequest;
import dev.userpool.operations.codes.CodeSender;
import dev.userpool.store.CodeStore;

/**
 * {@link MfaCodes} over the code sender and store: the code goes through
 * CustomMessage_Authentication (with the call's ClientMetadata), the pool's authentication texts
 * and the user's channel; only its keyed hash is kept, one per user (a new sign-in's code replaces
 * the previous one). Wrong answers are counted by the challenge Session.
 */
public final class MfaCodeMessages implements MfaCodes {
  private final CodeSender sender;
  private final CodeStore codes;

  public MfaCodeMessages(CodeSender sender, CodeStore codes) {
    this.sender = sender;
    this.codes = codes;
  }

  @Override
  public Sent send(SignInContext ctx, User user, String factor) {
    String attribute = factor.equals(PoolMfa.SMS_MFA) ? "phone_number" : "email";
    CodeDelivery delivery =
        sender.sendAuthenticationCode(
            CodeRequest.mfa(ctx.pool(), user, attribute, ctx.now())
                .fromClient(ctx.client().clientId())
                .clientMetadata(ctx.clientMetadata())
                .build());
    return new Sent(delivery.medium().name(), delivery.maskedDestination());
  }

  @Override
  public boolean accept(SignInContext ctx, User user, String code) {
    var stored = codes.find(ctx.pool().id(), user.sub(), VerificationCode.MFA);
    if (stored.isEmpty() || !codes.matches(stored.get(), code)) {
      return false;
    }
    return codes.consume(stored.get()); // false when a concurrent answer used it first
  }
}
