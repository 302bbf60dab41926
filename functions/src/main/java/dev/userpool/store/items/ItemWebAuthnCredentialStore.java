package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.WebAuthnCredential;
import dev.userpool.protocol.Json;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.WebAuthnCredentialStore;
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
 * {@link WebAuthnCredentialStore} over the item table: one item per passkey under its pool, listed
 * by its owner's prefix ({@code PASSKEY#<sub>#}, see {@link Keys}).
 */
public final class ItemWebAuthnCredentialStore implements WebAuthnCredentialStore {
  private static final int PAGE = 100;

  private final ItemTable table;

  public ItemWebAuthnCredentialStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public boolean create(WebAuthnCredential credential) {
    try {
      table.write(List.of(Write.put(item(credential), Condition.ABSENT)));
      return true;
    } catch (ConditionFailedException e) {
      return false;
    }
  }

  @Override
  public Optional<WebAuthnCredential> find(String poolId, String sub, String credentialId) {
    return table
        .get(Keys.poolPk(poolId), Keys.passkeySk(sub, credentialId))
        .map(i -> decode(poolId, sub, credentialId, i));
  }

  @Override
  public List<WebAuthnCredential> listOf(String poolId, String sub) {
    String prefix = Keys.passkeyPrefix(sub);
    List<WebAuthnCredential> out = new ArrayList<>();
    String after = null;
    List<Item> page;
    do {
      page = table.query(Keys.poolPk(poolId), prefix, after, PAGE);
      for (Item i : page) {
        out.add(decode(poolId, sub, i.sk().substring(prefix.length()), i));
        after = i.sk();
      }
    } while (page.size() == PAGE);
    return out;
  }

  @Override
  public WebAuthnCredential update(WebAuthnCredential before, WebAuthnCredential after) {
    try {
      table.write(
          List.of(
              Write.put(
                  item(after).withVersion(before.version()),
                  Condition.versionIs(before.version()))));
    } catch (ConditionFailedException e) {
      throw new StaleWriteException();
    }
    return new WebAuthnCredential(
        after.poolId(),
        after.sub(),
        after.credentialId(),
        after.attestedCredentialData(),
        after.signCount(),
        after.userVerified(),
        after.backupEligible(),
        after.backedUp(),
        after.relyingPartyId(),
        after.friendlyName(),
        after.attachment(),
        after.transports(),
        after.createdAt(),
        before.version() + 1);
  }

  @Override
  public boolean delete(String poolId, String sub, String credentialId) {
    try {
      table.write(
          List.of(
              Write.delete(
                  Keys.poolPk(poolId), Keys.passkeySk(sub, credentialId), Condition.EXISTS)));
      return true;
    } catch (ConditionFailedException e) {
      return false;
    }
  }

  private static Item item(WebAuthnCredential c) {
    ObjectNode o = Json.object();
    o.put("data", c.attestedCredentialData());
    o.put("count", c.signCount());
    o.put("uv", c.userVerified());
    o.put("be", c.backupEligible());
    o.put("bs", c.backedUp());
    o.put("rpId", c.relyingPartyId());
    o.put("name", c.friendlyName());
    if (c.attachment() != null) {
      o.put("attachment", c.attachment());
    }
    ArrayNode transports = o.putArray("transports");
    c.transports().forEach(transports::add);
    o.put("created", c.createdAt().toEpochMilli());
    return Item.of(
        Keys.poolPk(c.poolId()), Keys.passkeySk(c.sub(), c.credentialId()), Json.write(o));
  }

  private static WebAuthnCredential decode(
      String poolId, String sub, String credentialId, Item item) {
    JsonNode o = Json.read(item.data());
    List<String> transports = new ArrayList<>();
    o.path("transports").forEach(t -> transports.add(t.asText()));
    return new WebAuthnCredential(
        poolId,
        sub,
        credentialId,
        o.get("data").asText(),
        o.get("count").asLong(),
        o.get("uv").asBoolean(),
        o.get("be").asBoolean(),
        o.get("bs").asBoolean(),
        o.get("rpId").asText(),
        o.get("name").asText(),
        o.hasNonNull("attachment") ? o.get("attachment").asText() : null,
        transports,
        Instant.ofEpochMilli(o.get("created").asLong()),
        item.version());
  }
}
