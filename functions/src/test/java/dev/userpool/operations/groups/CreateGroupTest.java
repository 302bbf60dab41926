package dev.userpool.operations.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.CognitoException;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.items.ItemAppClientStore;
import dev.userpool.store.items.ItemGroupStore;
import dev.userpool.store.items.ItemUserPoolStore;
import dev.userpool.store.table.ItemTable;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreateGroupTest {
  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00.250Z");
  private final ItemTable table = EmbeddedItemTable.inMemory(Clock.systemUTC());
  private final ItemUserPoolStore pools = new ItemUserPoolStore(table);
  private final Lookups lookups = new Lookups(pools, new ItemAppClientStore(table));
  private final OperationContext ctx =
      new OperationContext("req", "us-east-1", "123456789012", NOW, "127.0.0.1");

  private Input input(String groupName) {
    ObjectNode body =
        Json.object().put("UserPoolId", "us-east-1_Limit").put("GroupName", groupName);
    return Input.of(body);
  }

  @Test
  void whenPoolHasReachedItsGroupLimitThenLimitExceededException() {
    pools.create(new UserPool("us-east-1_Limit", "p", "arn", NOW, NOW, Map.of(), Map.of(), 0));
    CreateGroup create = new CreateGroup(lookups, new ItemGroupStore(table), 2);
    create.handle(input("a"), ctx);
    create.handle(input("b"), ctx);

    CognitoException e = assertThrows(CognitoException.class, () -> create.handle(input("c"), ctx));

    assertEquals("LimitExceededException", e.code().wireName());
  }

  @Test
  void whenGroupIsCreatedThenDatesAreTheRequestTime() {
    pools.create(new UserPool("us-east-1_Limit", "p", "arn", NOW, NOW, Map.of(), Map.of(), 0));

    ObjectNode out =
        (ObjectNode) new CreateGroup(lookups, new ItemGroupStore(table)).handle(input("a"), ctx);

    assertEquals("1714557600.250", out.get("Group").get("CreationDate").asText());
    assertEquals(out.get("Group").get("CreationDate"), out.get("Group").get("LastModifiedDate"));
  }
}
