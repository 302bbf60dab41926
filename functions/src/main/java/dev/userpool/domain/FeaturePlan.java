package dev.userpool.domain;

/**
 * A pool's feature plan (UserPoolTier). Pools that never set one are ESSENTIALS, the plan Cognito
 * gives new user pools since November 2024 (developer guide, "User pool feature plans").
 * Passwordless sign-in and managed login branding need ESSENTIALS or PLUS; threat protection and
 * its user-activity logs need PLUS.
 */
public enum FeaturePlan {
  LITE,
  ESSENTIALS,
  PLUS;

  public static FeaturePlan of(UserPool pool) {
    Object tier = pool.settings() == null ? null : pool.settings().get("UserPoolTier");
    return tier == null ? ESSENTIALS : FeaturePlan.valueOf(tier.toString());
  }

  public boolean atLeast(FeaturePlan other) {
    return compareTo(other) >= 0;
  }
}
