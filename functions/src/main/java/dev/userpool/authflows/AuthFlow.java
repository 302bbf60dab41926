package dev.userpool.authflows;

/** The first step of one AuthFlow: AuthParameters in, a challenge or tokens out. */
@FunctionalInterface
public interface AuthFlow {
  AuthResult initiate(SignInContext ctx, Parameters authParameters);
}
