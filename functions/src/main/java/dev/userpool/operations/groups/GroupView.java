package dev.userpool.operations.groups;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.Group;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.store.GroupStore;

/**
 * GroupType as Cognito's responses show it, and the lookups and limits the group operations share.
 */
final class GroupView {
  /**
   * Default and maximum page size of ListGroups, AdminListGroupsForUser and ListUsersInGroup
   * (QueryLimitType).
   */
  static final int DEFAULT_LIMIT = 60;

  private GroupView() {}

  /**
   * GroupType: GroupName, UserPoolId, Description?, RoleArn?, Precedence?, LastModifiedDate,
   * CreationDate.
   */
  static ObjectNode groupType(Group g) {
    ObjectNode o = Json.object();
    o.put("GroupName", g.name());
    o.put("UserPoolId", g.userPoolId());
    if (g.description() != null) {
      o.put("Description", g.description());
    }
    if (g.roleArn() != null) {
      o.put("RoleArn", g.roleArn());
    }
    if (g.precedence() != null) {
      o.put("Precedence", g.precedence());
    }
    o.put("LastModifiedDate", Json.epochSeconds(g.lastModifiedDate()));
    o.put("CreationDate", Json.epochSeconds(g.creationDate()));
    return o;
  }

  /** {"Group": GroupType}, the output of CreateGroup, GetGroup and UpdateGroup. */
  static ObjectNode wrapped(Group g) {
    ObjectNode o = Json.object();
    o.set("Group", groupType(g));
    return o;
  }

  /**
   * ResourceNotFoundException "Group not found." (observed from real Cognito:
   * aws-amplify/amplify-cli#2214, an AdminAddUserToGroup call).
   */
  static Group require(GroupStore groups, String poolId, String name) {
    return groups.find(poolId, name).orElseThrow(GroupView::notFound);
  }

  static RuntimeException notFound() {
    return ErrorCode.RESOURCE_NOT_FOUND.exception("Group not found.");
  }

  /**
   * Limit: 1–60 as given; absent or 0 means the default, as ListUsers reads it (Cognito's 0
   * unconfirmed).
   */
  static int limit(Input in) {
    return in.optInt("Limit").filter(l -> l > 0).orElse(DEFAULT_LIMIT);
  }
}
