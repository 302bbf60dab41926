package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.Page;
import dev.userpool.domain.Terms;
import dev.userpool.protocol.Json;
import dev.userpool.store.ClientSlotTakenException;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.TermsStore;
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
 * {@link TermsStore} over the item table: the document under its pool, plus a claim item per client
 * and TermsName written in the same batch, so two documents of one kind for a client cannot both be
 * stored.
 */
public final class ItemTermsStore implements TermsStore {
  private final ItemTable table;

  public ItemTermsStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public void create(Terms terms) {
    String pk = Keys.poolPk(terms.poolId());
    write(
        List.of(
            Write.put(
                Item.of(pk, Keys.termsNameSk(terms.clientId(), terms.termsName()), claim(terms)),
                Condition.ABSENT),
            Write.put(Item.of(pk, Keys.termsSk(terms.termsId()), encode(terms)), Condition.ABSENT)),
        terms.poolId(),
        terms.clientId(),
        terms.termsName(),
        null);
  }

  @Override
  public Optional<Terms> find(String poolId, String termsId) {
    return table
        .get(Keys.poolPk(poolId), Keys.termsSk(termsId))
        .map(i -> decode(i.data(), i.version()));
  }

  @Override
  public Terms update(Terms current, Terms changed) {
    String pk = Keys.poolPk(current.poolId());
    List<Write> writes = new ArrayList<>();
    writes.add(
        Write.put(
            new Item(pk, Keys.termsSk(current.termsId()), current.version(), null, encode(changed)),
            Condition.versionIs(current.version())));
    if (!current.termsName().equals(changed.termsName())) {
      writes.add(
          Write.delete(
              pk, Keys.termsNameSk(current.clientId(), current.termsName()), Condition.NONE));
      writes.add(
          Write.put(
              Item.of(
                  pk, Keys.termsNameSk(changed.clientId(), changed.termsName()), claim(changed)),
              Condition.ABSENT));
    }
    write(writes, current.poolId(), changed.clientId(), changed.termsName(), current);
    return new Terms(
        changed.poolId(),
        changed.termsId(),
        changed.clientId(),
        changed.termsName(),
        changed.termsSource(),
        changed.enforcement(),
        changed.links(),
        changed.creationDate(),
        changed.lastModifiedDate(),
        current.version() + 1);
  }

  @Override
  public void delete(Terms terms) {
    String pk = Keys.poolPk(terms.poolId());
    table.write(
        List.of(
            Write.delete(pk, Keys.termsSk(terms.termsId()), Condition.NONE),
            Write.delete(
                pk, Keys.termsNameSk(terms.clientId(), terms.termsName()), Condition.NONE)));
  }

  @Override
  public Page<Terms> list(String poolId, int limit, String nextToken) {
    List<Item> items =
        table.query(
            Keys.poolPk(poolId),
            Keys.TERMS_PREFIX,
            Paging.sortKey(nextToken, Keys.TERMS_PREFIX),
            limit + 1);
    List<Terms> page = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, items.size()); i++) {
      page.add(decode(items.get(i).data(), items.get(i).version()));
    }
    return new Page<>(page, items.size() > limit ? Paging.token(items.get(limit - 1).sk()) : null);
  }

  /** Writes the batch; tells a taken name (the claim exists) from a stale document (it changed). */
  private void write(
      List<Write> writes, String poolId, String clientId, String name, Terms current) {
    try {
      table.write(writes);
    } catch (ConditionFailedException e) {
      if (current != null
          && find(poolId, current.termsId()).map(Terms::version).orElse(-1L) != current.version()) {
        throw new StaleWriteException();
      }
      if (table.get(Keys.poolPk(poolId), Keys.termsNameSk(clientId, name)).isPresent()) {
        throw new ClientSlotTakenException();
      }
      throw new StaleWriteException();
    }
  }

  private static String claim(Terms t) {
    return Json.write(Map.of("termsId", t.termsId()));
  }

  private static String encode(Terms t) {
    ObjectNode o = Json.object();
    o.put("poolId", t.poolId());
    o.put("termsId", t.termsId());
    o.put("clientId", t.clientId());
    o.put("name", t.termsName());
    o.put("source", t.termsSource());
    o.put("enforcement", t.enforcement());
    o.set("links", Json.tree(t.links()));
    o.put("created", t.creationDate().toEpochMilli());
    o.put("modified", t.lastModifiedDate().toEpochMilli());
    return Json.write(o);
  }

  private static Terms decode(String data, long version) {
    JsonNode o = Json.read(data);
    Map<String, String> links = new LinkedHashMap<>();
    o.get("links").fields().forEachRemaining(e -> links.put(e.getKey(), e.getValue().asText()));
    return new Terms(
        o.get("poolId").asText(),
        o.get("termsId").asText(),
        o.get("clientId").asText(),
        o.get("name").asText(),
        o.get("source").asText(),
        o.get("enforcement").asText(),
        links,
        Instant.ofEpochMilli(o.get("created").asLong()),
        Instant.ofEpochMilli(o.get("modified").asLong()),
        version);
  }
}
