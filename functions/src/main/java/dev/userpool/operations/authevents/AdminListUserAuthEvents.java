package dev.userpool.operations.authevents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authevents.AuthEventLog;
import dev.userpool.domain.AuthEvent;
import dev.userpool.domain.Page;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito AdminListUserAuthEvents: the user's auth events, newest first, MaxResults a page (60 when
 * 0 or absent, API reference), NextToken to go on.
 */
public final class AdminListUserAuthEvents implements Operation {
  private static final int DEFAULT_PAGE = 60;

  private final Lookups lookups;
  private final UserDirectory directory;
  private final AuthEventLog log;

  public AdminListUserAuthEvents(Lookups lookups, UserDirectory directory, AuthEventLog log) {
    this.lookups = lookups;
    this.directory = directory;
    this.log = log;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    ThreatProtectionRequired.check(pool);
    User user = directory.require(pool, in.string("Username"));
    int limit = in.optInt("MaxResults").filter(n -> n > 0).orElse(DEFAULT_PAGE);
    Page<AuthEvent> page =
        log.list(pool, user.sub(), limit, in.optString("NextToken").orElse(null));
    ObjectNode out = Json.object();
    ArrayNode events = out.putArray("AuthEvents");
    page.items().forEach(e -> events.add(AuthEventView.of(e)));
    if (page.nextToken() != null) {
      out.put("NextToken", page.nextToken());
    }
    return out;
  }
}
