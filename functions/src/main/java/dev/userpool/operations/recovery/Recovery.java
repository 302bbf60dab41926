package dev.userpool.operations.recovery;

import dev.userpool.domain.PoolSettings;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.util.List;
import java.util.Map;

/** Texts the recovery operations share. */
final class Recovery {
  private Recovery() {}

  /**
   * Whether the pool's AccountRecoverySetting leaves recovery to administrators ({@code
   * admin_only}, which Cognito does not let a pool combine with other mechanisms). ForgotPassword
   * then answers NotAuthorizedException "Contact administrator to reset password." for every
   * username, known or not (getmoto/moto#4469, whose author compared ForgotPassword with AWS; no
   * answer from AWS itself quoted publicly — docs/fidelity.md).
   */
  static boolean adminOnly(PoolSettings s) {
    if (s.get("AccountRecoverySetting") instanceof Map<?, ?> setting
        && setting.get("RecoveryMechanisms") instanceof List<?> mechanisms) {
      return mechanisms.stream()
          .anyMatch(m -> m instanceof Map<?, ?> map && "admin_only".equals(map.get("Name")));
    }
    return false;
  }

  /** No verified channel (sources §4.4; Cognito's text). */
  static CognitoException noVerifiedChannel() {
    return ErrorCode.INVALID_PARAMETER.exception(
        "Cannot reset password for the user as there is no registered/verified email or phone_number");
  }
}
