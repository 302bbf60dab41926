package dev.userpool.store.table;

/** One part of an atomic {@link ItemTable#write} batch. */
public sealed interface Write {
  Condition condition();

  /** Stores the item with version {@code item.version() + 1}. */
  record Put(Item item, Condition condition) implements Write {}

  record Delete(String pk, String sk, Condition condition) implements Write {}

  static Write put(Item item, Condition condition) {
    return new Put(item, condition);
  }

  static Write delete(String pk, String sk, Condition condition) {
    return new Delete(pk, sk, condition);
  }
}
