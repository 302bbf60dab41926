package dev.userpool.authflows;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What runs around every sign-in step, of {@link AuthFlows} and of the hosted sign-in page: threat
 * protection's auth events and blocked IP ranges (see {@code
 * dev.userpool.authevents.AuditedSignIns}). {@code signedIn} tells a step's result that ends the
 * sign-in from one that asks for more. {@link #NONE} only runs the step.
 */
public interface SignInGuard {
  <T> T initiate(
      String authFlow,
      SignInContext ctx,
      Parameters parameters,
      Supplier<T> step,
      Predicate<T> signedIn);

  <T> T respond(
      String challengeName,
      SignInContext ctx,
      Parameters responses,
      Supplier<T> step,
      Predicate<T> signedIn);

  SignInGuard NONE =
      new SignInGuard() {
        @Override
        public <T> T initiate(
            String authFlow,
            SignInContext ctx,
            Parameters parameters,
            Supplier<T> step,
            Predicate<T> signedIn) {
          return step.get();
        }

        @Override
        public <T> T respond(
            String challengeName,
            SignInContext ctx,
            Parameters responses,
            Supplier<T> step,
            Predicate<T> signedIn) {
          return step.get();
        }
      };
}
