package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.SamlSigningCertificate;
import dev.userpool.protocol.Json;
import dev.userpool.store.SamlSigningCertificateStore;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link SamlSigningCertificateStore} over the item table: one {@code SAMLCERT} item in the pool's
 * partition (deleted with the pool), written only if absent so that the first writer's certificate
 * is the pool's.
 */
public final class ItemSamlSigningCertificateStore implements SamlSigningCertificateStore {
  private final ItemTable table;

  public ItemSamlSigningCertificateStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public SamlSigningCertificate getOrCreate(String poolId, Supplier<SamlSigningCertificate> fresh) {
    Optional<SamlSigningCertificate> stored = find(poolId);
    if (stored.isPresent()) {
      return stored.get();
    }
    SamlSigningCertificate created = fresh.get();
    ObjectNode o = Json.object();
    o.put("certificate", Base64.getEncoder().encodeToString(created.certificateDer()));
    o.put("privateKey", created.privateKeyPkcs8());
    try {
      table.write(
          List.of(
              Write.put(
                  Item.of(Keys.poolPk(poolId), Keys.SAML_CERTIFICATE_SK, Json.write(o)),
                  Condition.ABSENT)));
      return created;
    } catch (ConditionFailedException e) {
      return find(poolId).orElseThrow();
    }
  }

  private Optional<SamlSigningCertificate> find(String poolId) {
    return table
        .get(Keys.poolPk(poolId), Keys.SAML_CERTIFICATE_SK)
        .map(
            i -> {
              JsonNode o = Json.read(i.data());
              return new SamlSigningCertificate(
                  Base64.getDecoder().decode(o.get("certificate").asText()),
                  o.get("privateKey").asText());
            });
  }
}
