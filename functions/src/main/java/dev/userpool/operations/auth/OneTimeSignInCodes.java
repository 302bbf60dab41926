package dev.userpool.operations.auth;

import dev.userpool.authflows.SignInCodes;
import dev.userpool.authflows.SignInContext;
import dev.userpool.domain.User;
import dev.userpool.domain.VerificationCode;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.codes.CodeCheck;
import dev.userpool.operations.codes.CodeRequest;
import dev.userpool.operations.codes.CodeSender;

/**
 * {@link SignInCodes} over the code path every code takes: {@link CodeSender}
 * (CustomMessage_Authentication with the request's ClientMetadata, the pool's templates, SES/SNS or
 * the outbox, the keyed hash stored with its expiry) and {@link CodeCheck}. A wrong code counts;
 * after three the code is refused until a new one is sent.
 */
public final class OneTimeSignInCodes implements SignInCodes {
  static final int MAX_FAILURES = 3;

  /** Cognito's answer to a wrong sign-in or MFA code (commonly reported wording). */
  static final String MISMATCH = "Invalid code or auth state for the user.";

  private final CodeSender sender;
  private final CodeCheck check;

  public OneTimeSignInCodes(CodeSender sender, CodeCheck check) {
    this.sender = sender;
    this.check = check;
  }

  @Override
  public String send(SignInContext ctx, User user, String attributeName) {
    return sender
        .send(
            CodeRequest.signIn(ctx.pool(), user, attributeName, ctx.now())
                .fromClient(ctx.client().clientId())
                .clientMetadata(ctx.clientMetadata())
                .build())
        .maskedDestination();
  }

  @Override
  public void verify(SignInContext ctx, User user, String attributeName, String code) {
    String purpose = VerificationCode.signIn(attributeName);
    try {
      check.consume(check.require(ctx.pool().id(), user.sub(), purpose, code, MAX_FAILURES), code);
    } catch (CognitoException e) {
      if (e.code() == ErrorCode.CODE_MISMATCH) {
        throw ErrorCode.CODE_MISMATCH.exception(MISMATCH);
      }
      throw e;
    }
  }
}
