package dev.userpool.tokens;

import dev.userpool.domain.Group;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code cognito:groups}, {@code cognito:roles} and {@code cognito:preferred_role} of a user's ID
 * token, from the user's groups in {@link Group#PRECEDENCE_ORDER} (see {@link
 * dev.userpool.store.UserGroupsSource}).
 *
 * <p>Rules from the CreateGroup API reference (Precedence): the group with the lowest Precedence
 * whose RoleArn is set gives the preferred role; groups without Precedence rank after all others;
 * when several groups share that lowest Precedence their roles compete, and the claim is set only
 * if they all carry the same role ARN. Roles lists every distinct role ARN of the user's groups in
 * group order (order (unconfirmed)). Among groups without Precedence the same tie rule is applied
 * (unconfirmed).
 */
public record GroupClaims(List<String> groups, List<String> roles, String preferredRole) {
  public static final GroupClaims NONE = new GroupClaims(List.of(), List.of(), null);

  public GroupClaims {
    groups = List.copyOf(groups);
    roles = List.copyOf(roles);
  }

  /**
   * @param ordered the user's groups in {@link Group#PRECEDENCE_ORDER}
   */
  public static GroupClaims of(List<Group> ordered) {
    List<String> names = new ArrayList<>();
    Set<String> roles = new LinkedHashSet<>();
    for (Group g : ordered) {
      names.add(g.name());
      if (g.roleArn() != null) {
        roles.add(g.roleArn());
      }
    }
    return new GroupClaims(names, new ArrayList<>(roles), preferredRole(ordered));
  }

  /** The grant with these groups and roles; the grant's other claims unchanged. */
  public TokenGrant applyTo(TokenGrant grant) {
    return grant.withGroups(groups).withRoles(roles, preferredRole);
  }

  private static String preferredRole(List<Group> ordered) {
    List<Group> withRole = ordered.stream().filter(g -> g.roleArn() != null).toList();
    if (withRole.isEmpty()) {
      return null;
    }
    Integer best = withRole.get(0).precedence();
    Set<String> candidates = new LinkedHashSet<>();
    for (Group g : withRole) {
      if (Objects.equals(g.precedence(), best)) {
        candidates.add(g.roleArn());
      }
    }
    return candidates.size() == 1 ? candidates.iterator().next() : null;
  }
}
