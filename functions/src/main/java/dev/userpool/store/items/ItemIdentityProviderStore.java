package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.IdentityProvider;
import dev.userpool.domain.Page;
import dev.userpool.protocol.Json;
import dev.userpool.store.IdentityProviderStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link IdentityProviderStore} over the item table (keys in {@link Keys}): an {@code IDP#<name>}
 * item per provider and an {@code IDPID#<identifier>} item per identifier holding the provider's
 * name. Identifier items are written only if absent, in the same batch as the version-checked
 * provider item, so uniqueness holds under concurrent writers.
 */
public final class ItemIdentityProviderStore implements IdentityProviderStore {
  private final ItemTable table;

  public ItemIdentityProviderStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public boolean create(IdentityProvider provider) {
    String pk = Keys.poolPk(provider.userPoolId());
    List<Write> writes = new ArrayList<>();
    writes.add(Write.put(providerItem(provider), Condition.ABSENT));
    for (String identifier : provider.idpIdentifiers()) {
      writes.add(Write.put(identifierItem(pk, identifier, provider.name()), Condition.ABSENT));
    }
    try {
      table.write(writes);
      return true;
    } catch (ConditionFailedException e) {
      return false;
    }
  }

  @Override
  public Optional<IdentityProvider> find(String poolId, String name) {
    return table
        .get(Keys.poolPk(poolId), Keys.identityProviderSk(name))
        .map(i -> decode(i.data(), i.version()));
  }

  @Override
  public Optional<IdentityProvider> findByIdentifier(String poolId, String identifier) {
    return table
        .get(Keys.poolPk(poolId), Keys.idpIdentifierSk(identifier))
        .flatMap(i -> find(poolId, Json.read(i.data()).get("name").asText()));
  }

  @Override
  public boolean update(IdentityProvider before, IdentityProvider after) {
    String pk = Keys.poolPk(before.userPoolId());
    List<Write> writes = new ArrayList<>();
    writes.add(
        Write.put(
            providerItem(after).withVersion(before.version()),
            Condition.versionIs(before.version())));
    for (String old : before.idpIdentifiers()) {
      if (!after.idpIdentifiers().contains(old)) {
        writes.add(Write.delete(pk, Keys.idpIdentifierSk(old), Condition.NONE));
      }
    }
    for (String added : after.idpIdentifiers()) {
      if (!before.idpIdentifiers().contains(added)) {
        writes.add(Write.put(identifierItem(pk, added, after.name()), Condition.ABSENT));
      }
    }
    try {
      table.write(writes);
      return true;
    } catch (ConditionFailedException e) {
      // Either the provider changed under us or a new identifier is taken: the provider's version
      // tells which.
      Optional<IdentityProvider> now = find(before.userPoolId(), before.name());
      if (now.isEmpty() || now.get().version() != before.version()) {
        throw new StaleWriteException();
      }
      return false;
    }
  }

  @Override
  public void delete(IdentityProvider provider) {
    String pk = Keys.poolPk(provider.userPoolId());
    Optional<IdentityProvider> stored = find(provider.userPoolId(), provider.name());
    if (stored.isEmpty()) {
      return;
    }
    List<Write> writes = new ArrayList<>();
    writes.add(
        Write.delete(
            pk,
            Keys.identityProviderSk(provider.name()),
            Condition.versionIs(stored.get().version())));
    for (String identifier : stored.get().idpIdentifiers()) {
      writes.add(Write.delete(pk, Keys.idpIdentifierSk(identifier), Condition.NONE));
    }
    try {
      table.write(writes);
    } catch (ConditionFailedException e) {
      throw new StaleWriteException();
    }
  }

  @Override
  public Page<IdentityProvider> list(String poolId, int limit, String nextToken) {
    String prefix = Keys.IDENTITY_PROVIDER_PREFIX;
    List<Item> items =
        table.query(Keys.poolPk(poolId), prefix, Paging.sortKey(nextToken, prefix), limit + 1);
    List<IdentityProvider> out = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, items.size()); i++) {
      out.add(decode(items.get(i).data(), items.get(i).version()));
    }
    String token = items.size() > limit ? Paging.token(items.get(limit - 1).sk()) : null;
    return new Page<>(out, token);
  }

  private static Item identifierItem(String pk, String identifier, String providerName) {
    return Item.of(pk, Keys.idpIdentifierSk(identifier), Json.write(Map.of("name", providerName)));
  }

  private static Item providerItem(IdentityProvider p) {
    ObjectNode o = Json.object();
    o.put("userPoolId", p.userPoolId());
    o.put("name", p.name());
    o.put("type", p.type());
    o.set("details", Json.mapper().valueToTree(p.details()));
    o.set("attributeMapping", Json.mapper().valueToTree(p.attributeMapping()));
    o.set("idpIdentifiers", Json.mapper().valueToTree(p.idpIdentifiers()));
    o.put("created", p.creationDate().toEpochMilli());
    o.put("modified", p.lastModifiedDate().toEpochMilli());
    return Item.of(Keys.poolPk(p.userPoolId()), Keys.identityProviderSk(p.name()), Json.write(o));
  }

  private static IdentityProvider decode(String data, long version) {
    JsonNode o = Json.read(data);
    List<String> identifiers = new ArrayList<>();
    o.get("idpIdentifiers").forEach(n -> identifiers.add(n.asText()));
    return new IdentityProvider(
        o.get("userPoolId").asText(),
        o.get("name").asText(),
        o.get("type").asText(),
        stringMap(o.get("details")),
        stringMap(o.get("attributeMapping")),
        identifiers,
        Instant.ofEpochMilli(o.get("created").asLong()),
        Instant.ofEpochMilli(o.get("modified").asLong()),
        version);
  }

  private static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }
}
