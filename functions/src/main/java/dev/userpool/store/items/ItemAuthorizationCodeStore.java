package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.AuthorizationCode;
import dev.userpool.protocol.Json;
import dev.userpool.store.AuthorizationCodeStore;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuthorizationCodeStore} over the item table: one item per code hash under its pool, with
 * the TTL attribute set to the code's expiry. Consuming deletes the item on the version just read,
 * so two redemptions racing for the same code cannot both succeed.
 */
public final class ItemAuthorizationCodeStore implements AuthorizationCodeStore {
  private final ItemTable table;

  public ItemAuthorizationCodeStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public void create(AuthorizationCode code) {
    Item item =
        Item.of(Keys.poolPk(code.poolId()), Keys.authorizationCodeSk(code.codeHash()), encode(code))
            .withExpiresAt(code.expiresAt().getEpochSecond());
    table.write(List.of(Write.put(item, Condition.ABSENT)));
  }

  @Override
  public Optional<AuthorizationCode> consume(String poolId, String codeHash) {
    Optional<Item> found = table.get(Keys.poolPk(poolId), Keys.authorizationCodeSk(codeHash));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    try {
      table.write(
          List.of(
              Write.delete(
                  found.get().pk(), found.get().sk(), Condition.versionIs(found.get().version()))));
    } catch (ConditionFailedException e) {
      return Optional.empty(); // someone else redeemed it first
    }
    return Optional.of(decode(poolId, codeHash, found.get().data()));
  }

  private static String encode(AuthorizationCode c) {
    ObjectNode o = Json.object();
    o.put("clientId", c.clientId());
    o.put("sub", c.sub());
    o.put("redirectUri", c.redirectUri());
    ArrayNode scopes = o.putArray("scopes");
    c.scopes().forEach(scopes::add);
    if (c.nonce() != null) {
      o.put("nonce", c.nonce());
    }
    if (c.codeChallenge() != null) {
      o.put("codeChallenge", c.codeChallenge());
    }
    o.put("authTime", c.authTime().getEpochSecond());
    o.put("expires", c.expiresAt().toEpochMilli());
    return Json.write(o);
  }

  private static AuthorizationCode decode(String poolId, String codeHash, String data) {
    JsonNode o = Json.read(data);
    List<String> scopes = new ArrayList<>();
    o.get("scopes").forEach(s -> scopes.add(s.asText()));
    return new AuthorizationCode(
        poolId,
        codeHash,
        o.get("clientId").asText(),
        o.get("sub").asText(),
        o.get("redirectUri").asText(),
        scopes,
        o.hasNonNull("nonce") ? o.get("nonce").asText() : null,
        o.hasNonNull("codeChallenge") ? o.get("codeChallenge").asText() : null,
        Instant.ofEpochSecond(o.get("authTime").asLong()),
        Instant.ofEpochMilli(o.get("expires").asLong()));
  }
}
