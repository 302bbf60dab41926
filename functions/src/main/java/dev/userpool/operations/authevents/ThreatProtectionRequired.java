package dev.userpool.operations.authevents;

import dev.userpool.authevents.ThreatProtection;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;

/**
 * The auth event operations answer UserPoolAddOnNotEnabledException on a pool whose threat
 * protection is off: it records no events (service model errors; ministackorg/ministack#1538
 * reports the same of real Cognito; the message is ours).
 */
final class ThreatProtectionRequired {
  private ThreatProtectionRequired() {}

  static void check(UserPool pool) {
    if (!ThreatProtection.recordsEvents(pool)) {
      throw ErrorCode.USER_POOL_ADD_ON_NOT_ENABLED.exception();
    }
  }
}
