package dev.userpool.lambda;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which inits construct every operation ahead of requests (AWS_LAMBDA_INITIALIZATION_TYPE). */
class PrimingTest {
  @Test
  void whenTheInitIsSnapshottedOrProvisionedThenItRunsAheadOfRequests() {
    assertTrue(Priming.initIsAheadOfRequests("snap-start"));
    assertTrue(Priming.initIsAheadOfRequests("provisioned-concurrency"));
  }

  @Test
  void whenTheInitIsOnDemandOrOutsideLambdaThenItIsPartOfTheColdStart() {
    assertFalse(Priming.initIsAheadOfRequests("on-demand"));
    assertFalse(Priming.initIsAheadOfRequests(null));
  }
}
