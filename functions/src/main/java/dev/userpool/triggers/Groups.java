package dev.userpool.triggers;

import java.util.List;

/**
 * The groups and IAM roles of a token: the pre-token request's {@code groupConfiguration} and the
 * answer's {@code groupOverrideDetails} (sources §5.3). Lists are empty, never null; preferredRole
 * may be null.
 */
public record Groups(
    List<String> groupsToOverride, List<String> iamRolesToOverride, String preferredRole) {
  public Groups {
    groupsToOverride = groupsToOverride == null ? List.of() : List.copyOf(groupsToOverride);
    iamRolesToOverride = iamRolesToOverride == null ? List.of() : List.copyOf(iamRolesToOverride);
  }

  public static final Groups NONE = new Groups(List.of(), List.of(), null);
}
