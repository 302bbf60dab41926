package dev.userpool.operations.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.Page;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.UserStore;
import java.util.List;

/**
 * Cognito ListUsers (sources §10): Filter ({@link UserFilter}), AttributesToGet, Limit (default 60)
 * and PaginationToken.
 *
 * <p>The store lists users by sub. To fill a page despite the filter and still continue exactly
 * where the page stopped, each store read asks for no more users than the page still needs: every
 * user read is then either returned or skipped, and the store's token after the last read is the
 * right continuation. A page may hold fewer than Limit users only at the end of the listing (or be
 * empty with a token, which Cognito also allows).
 */
public final class ListUsers implements Operation {
  static final int DEFAULT_LIMIT = 60;

  private final Lookups lookups;
  private final UserStore users;

  public ListUsers(Lookups lookups, UserStore users) {
    this.lookups = lookups;
    this.users = users;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    List<String> attributesToGet = in.strings("AttributesToGet");
    AttributeRules rules = AttributeRules.of(pool);
    for (String name : attributesToGet) {
      if (!rules.exists(name)) {
        // Observed text: aws/aws-sdk-js#2570.
        throw ErrorCode.INVALID_PARAMETER.exception(
            "One or more requested attributes do not exist.");
      }
    }
    UserFilter filter = UserFilter.parse(in.optString("Filter").orElse(null));
    // Limit 0 is allowed by the model; we read it as "the default" (Cognito's behaviour
    // unconfirmed).
    int limit = in.optInt("Limit").filter(l -> l > 0).orElse(DEFAULT_LIMIT);

    ArrayNode list = Json.array();
    String token = in.optString("PaginationToken").orElse(null);
    do {
      Page<User> page = users.list(pool.id(), limit - list.size(), token);
      for (User user : page.items()) {
        if (filter.matches(user)) {
          list.add(UserView.userType(user, attributesToGet));
        }
      }
      token = page.nextToken();
    } while (token != null && list.size() < limit);

    ObjectNode out = Json.object();
    out.set("Users", list);
    if (token != null) {
      out.put("PaginationToken", token);
    }
    return out;
  }
}
