package dev.userpool.store.table;

/**
 * One stored record: a partition key, a sort key, an optimistic-locking version, an optional expiry
 * (epoch seconds; the DynamoDB TTL attribute) and a JSON document with the record's content.
 *
 * <p>The version is the one read; a write that names {@link Condition#versionIs} succeeds only
 * while the stored version still equals it, and every put stores {@code version + 1}.
 */
public record Item(String pk, String sk, long version, Long expiresAt, String data) {

  public static Item of(String pk, String sk, String data) {
    return new Item(pk, sk, 0, null, data);
  }

  public Item withData(String newData) {
    return new Item(pk, sk, version, expiresAt, newData);
  }

  public Item withExpiresAt(Long epochSeconds) {
    return new Item(pk, sk, version, epochSeconds, data);
  }

  public Item withVersion(long newVersion) {
    return new Item(pk, sk, newVersion, expiresAt, data);
  }

  /**
   * Expired items are invisible even before the backend removes them (DynamoDB's TTL deletes late).
   */
  public boolean isExpiredAt(long nowEpochSeconds) {
    return expiresAt != null && expiresAt <= nowEpochSeconds;
  }
}
