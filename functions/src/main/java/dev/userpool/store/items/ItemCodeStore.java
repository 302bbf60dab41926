package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.crypto.ConstantTime;
import dev.userpool.domain.VerificationCode;
import dev.userpool.protocol.Json;
import dev.userpool.store.CodeStore;
import dev.userpool.store.DeploymentKeyStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.UserWrite;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link CodeStore} over the item table: one item per user and purpose under the pool's partition
 * ({@code CODE#<sub>#<purpose>}) whose {@code expiresAt} is the table's TTL attribute. The hash key
 * is one item of its own in the {@link DeploymentKeyStore} ({@value #HASH_KEY_NAME}), which the
 * wiring caches in memory. The hash covers pool, sub and purpose as well as the code, so equal
 * codes of two users never have equal hashes.
 */
public final class ItemCodeStore implements CodeStore {
  private static final int KEY_BYTES = 32;
  private static final int MAX_ATTEMPTS = 8;

  static final String HASH_KEY_NAME = "code-hash";

  private final ItemTable table;
  private final DeploymentKeyStore keys;
  private final SecureRandom random;

  public ItemCodeStore(ItemTable table, DeploymentKeyStore keys, SecureRandom random) {
    this.table = table;
    this.keys = keys;
    this.random = random;
  }

  @Override
  public VerificationCode save(VerificationCode code, String plainCode) {
    VerificationCode hashed =
        code.withHash(hash(code.userPoolId(), code.sub(), code.purpose(), plainCode));
    table.write(List.of(Write.put(item(hashed), Condition.NONE)));
    return stored(hashed);
  }

  @Override
  public VerificationCode save(VerificationCode code, String plainCode, UserWrite user) {
    VerificationCode hashed =
        code.withHash(hash(code.userPoolId(), code.sub(), code.purpose(), plainCode));
    List<Write> writes = new ArrayList<>();
    writes.add(Write.put(item(hashed), Condition.NONE));
    writes.addAll(
        ItemUserStore.updateWrites(user.before(), user.keys(), user.after(), user.keys()));
    try {
      table.write(writes);
    } catch (ConditionFailedException e) {
      throw new StaleWriteException();
    }
    return stored(hashed);
  }

  private static Item item(VerificationCode hashed) {
    return new Item(
        Keys.poolPk(hashed.userPoolId()),
        Keys.codeSk(hashed.sub(), hashed.purpose()),
        0,
        hashed.expiresAt().getEpochSecond(),
        encode(hashed));
  }

  /** The code as the put stored it (a put stores version + 1), without reading it back. */
  private static VerificationCode stored(VerificationCode c) {
    return new VerificationCode(
        c.userPoolId(),
        c.sub(),
        c.purpose(),
        c.codeHash(),
        c.destination(),
        c.failedAttempts(),
        c.sends(),
        c.windowStart(),
        c.expiresAt(),
        1);
  }

  @Override
  public Optional<VerificationCode> find(String poolId, String sub, String purpose) {
    return table
        .get(Keys.poolPk(poolId), Keys.codeSk(sub, purpose))
        .map(i -> decode(poolId, sub, i));
  }

  @Override
  public boolean matches(VerificationCode stored, String submitted) {
    if (submitted == null) {
      return false;
    }
    return ConstantTime.equals(
        stored.codeHash(), hash(stored.userPoolId(), stored.sub(), stored.purpose(), submitted));
  }

  @Override
  public int recordFailure(String poolId, String sub, String purpose) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<Item> current = table.get(Keys.poolPk(poolId), Keys.codeSk(sub, purpose));
      if (current.isEmpty()) {
        return 0;
      }
      VerificationCode code = decode(poolId, sub, current.get());
      VerificationCode failed = code.withFailedAttempts(code.failedAttempts() + 1);
      try {
        table.write(
            List.of(
                Write.put(
                    current.get().withData(encode(failed)),
                    Condition.versionIs(current.get().version()))));
        return failed.failedAttempts();
      } catch (ConditionFailedException changed) {
        // someone else answered or a new code replaced it: count against what is there now
      }
    }
    throw new StaleWriteException();
  }

  @Override
  public boolean consume(VerificationCode stored) {
    try {
      table.write(
          List.of(
              Write.delete(
                  Keys.poolPk(stored.userPoolId()),
                  Keys.codeSk(stored.sub(), stored.purpose()),
                  Condition.versionIs(stored.version()))));
      return true;
    } catch (ConditionFailedException usedOrReplaced) {
      return false;
    }
  }

  @Override
  public void delete(String poolId, String sub, String purpose) {
    table.write(
        List.of(Write.delete(Keys.poolPk(poolId), Keys.codeSk(sub, purpose), Condition.NONE)));
  }

  /**
   * Hex HMAC-SHA256 of pool, sub, purpose and code (NUL-separated) under the deployment's code key.
   */
  private String hash(String poolId, String sub, String purpose, String code) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(hashKey(), "HmacSHA256"));
      String message = poolId + '\0' + sub + '\0' + purpose + '\0' + code;
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** The deployment's code key, created on first use (race-safe in the deployment key store). */
  private byte[] hashKey() {
    return keys.getOrCreate(
        HASH_KEY_NAME,
        () -> {
          byte[] key = new byte[KEY_BYTES];
          random.nextBytes(key);
          return key;
        });
  }

  private static String encode(VerificationCode c) {
    ObjectNode o = Json.object();
    o.put("purpose", c.purpose());
    o.put("hash", c.codeHash());
    if (c.destination() != null) {
      o.put("destination", c.destination());
    }
    o.put("failedAttempts", c.failedAttempts());
    o.put("sends", c.sends());
    o.put("windowStart", c.windowStart().toEpochMilli());
    o.put("expiresAt", c.expiresAt().toEpochMilli());
    return Json.write(o);
  }

  private static VerificationCode decode(String poolId, String sub, Item item) {
    JsonNode o = Json.read(item.data());
    return new VerificationCode(
        poolId,
        sub,
        o.get("purpose").asText(),
        o.get("hash").asText(),
        o.hasNonNull("destination") ? o.get("destination").asText() : null,
        o.get("failedAttempts").asInt(),
        o.get("sends").asInt(),
        Instant.ofEpochMilli(o.get("windowStart").asLong()),
        Instant.ofEpochMilli(o.get("expiresAt").asLong()),
        item.version());
  }
}
