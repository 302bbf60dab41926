package dev.userpool.operations.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cognito AdminDeleteUserAttributes: removes attribute values. {@code sub}, immutable and required attributes
 * cannot be deleted. Deleting email or phone_number also drops its verified flag, which no longer describes a
 * value (and so frees the alias).
 */
public final class AdminDeleteUserAttributes implements Operation {
  private final Lookups lookups;
  private final UserDirectory directory;

  public AdminDeleteUserAttributes(Lookups lookups, UserDirectory directory) {
    this.lookups = lookups;
    this.directory = directory;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    List<String> names = in.strings("UserAttributeNames");
    AttributeRules.of(pool).checkDelete(names);
    User user = directory.require(pool, in.string("Username"));
    directory.update(pool, user, u -> {
      Map<String, String> attributes = new LinkedHashMap<>(u.attributes());
      for (String name : names) {
        attributes.remove(name);
        if (name.equals("email") || name.equals("phone_number")) {
          attributes.remove(name + "_verified");
        }
      }
      return u.withAttributes(attributes, ctx.now());
    });
    return Json.object();
  }
}
