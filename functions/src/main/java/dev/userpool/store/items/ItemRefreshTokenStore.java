package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.RefreshToken;
import dev.userpool.protocol.Json;
import dev.userpool.store.RefreshTokenStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link RefreshTokenStore} over the item table: one item per token hash under its pool, expiring
 * with it.
 */
public final class ItemRefreshTokenStore implements RefreshTokenStore {
  private final ItemTable table;

  public ItemRefreshTokenStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public void create(RefreshToken token) {
    Item item =
        Item.of(Keys.poolPk(token.poolId()), Keys.refreshTokenSk(token.tokenHash()), encode(token))
            .withExpiresAt(token.expiresAt().getEpochSecond());
    table.write(List.of(Write.put(item, Condition.ABSENT)));
  }

  @Override
  public Optional<RefreshToken> find(String poolId, String tokenHash) {
    return table
        .get(Keys.poolPk(poolId), Keys.refreshTokenSk(tokenHash))
        .map(i -> decode(poolId, tokenHash, i.data()));
  }

  @Override
  public void delete(String poolId, String tokenHash) {
    table.write(
        List.of(Write.delete(Keys.poolPk(poolId), Keys.refreshTokenSk(tokenHash), Condition.NONE)));
  }

  @Override
  public void rotate(RefreshToken used, RefreshToken successor) {
    String pk = Keys.poolPk(used.poolId());
    Item stored =
        table.get(pk, Keys.refreshTokenSk(used.tokenHash())).orElseThrow(StaleWriteException::new);
    RefreshToken current = decode(used.poolId(), used.tokenHash(), stored.data());
    if (!current.equals(used)) {
      throw new StaleWriteException();
    }
    Item next =
        Item.of(pk, Keys.refreshTokenSk(successor.tokenHash()), encode(successor))
            .withExpiresAt(successor.expiresAt().getEpochSecond());
    // Either write fails when a concurrent rotation or revocation got there first; then nothing is
    // written.
    Write usedCondition =
        current.replaced()
            ? Write.put(stored, Condition.versionIs(stored.version()))
            : Write.put(
                stored.withData(encode(current.replacedAt(successor.issuedAt()))),
                Condition.versionIs(stored.version()));
    try {
      table.write(List.of(usedCondition, Write.put(next, Condition.ABSENT)));
    } catch (ConditionFailedException e) {
      throw new StaleWriteException();
    }
  }

  private static String encode(RefreshToken t) {
    ObjectNode o = Json.object();
    o.put("clientId", t.clientId());
    o.put("sub", t.sub());
    o.put("authTime", t.authTime().getEpochSecond());
    o.put("originJti", t.originJti());
    o.put("issued", t.issuedAt().toEpochMilli());
    o.put("expires", t.expiresAt().toEpochMilli());
    if (t.replacedAt() != null) {
      o.put("replaced", t.replacedAt().toEpochMilli());
    }
    if (t.scopes() != null) {
      o.set("scopes", Json.tree(t.scopes()));
    }
    if (t.deviceKey() != null) {
      o.put("deviceKey", t.deviceKey());
    }
    return Json.write(o);
  }

  private static RefreshToken decode(String poolId, String tokenHash, String data) {
    JsonNode o = Json.read(data);
    return new RefreshToken(
        poolId,
        tokenHash,
        o.get("clientId").asText(),
        o.get("sub").asText(),
        Instant.ofEpochSecond(o.get("authTime").asLong()),
        o.get("originJti").asText(),
        Instant.ofEpochMilli(o.get("issued").asLong()),
        Instant.ofEpochMilli(o.get("expires").asLong()),
        o.hasNonNull("replaced") ? Instant.ofEpochMilli(o.get("replaced").asLong()) : null,
        o.has("scopes") ? scopes(o.get("scopes")) : null,
        o.hasNonNull("deviceKey") ? o.get("deviceKey").asText() : null);
  }

  private static java.util.List<String> scopes(JsonNode array) {
    java.util.List<String> out = new java.util.ArrayList<>();
    array.forEach(s -> out.add(s.asText()));
    return out;
  }
}
