package dev.userpool.store.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import dev.userpool.store.table.Item;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The DynamoDB row of an {@link Item}. A mutable bean only because the static schema maps through
 * getters and setters; the schema is declared by hand once so no bean introspection runs at cold
 * start.
 */
final class ItemRow {
  static final String PK = "pk";
  static final String SK = "sk";
  static final String VERSION = "version";
  static final String EXPIRES_AT = "expiresAt";
  static final String DATA = "data";

  static final TableSchema<ItemRow> SCHEMA =
      StaticTableSchema.builder(ItemRow.class)
          .newItemSupplier(ItemRow::new)
          .addAttribute(
              String.class,
              a ->
                  a.name(PK)
                      .getter(ItemRow::getPk)
                      .setter(ItemRow::setPk)
                      .tags(primaryPartitionKey()))
          .addAttribute(
              String.class,
              a -> a.name(SK).getter(ItemRow::getSk).setter(ItemRow::setSk).tags(primarySortKey()))
          .addAttribute(
              Long.class,
              a -> a.name(VERSION).getter(ItemRow::getVersion).setter(ItemRow::setVersion))
          .addAttribute(
              Long.class,
              a -> a.name(EXPIRES_AT).getter(ItemRow::getExpiresAt).setter(ItemRow::setExpiresAt))
          .addAttribute(
              String.class, a -> a.name(DATA).getter(ItemRow::getData).setter(ItemRow::setData))
          .build();

  private String pk;
  private String sk;
  private Long version;
  private Long expiresAt;
  private String data;

  /** The row stored for a put: the version the caller read, plus one. */
  static ItemRow stored(Item item) {
    ItemRow row = new ItemRow();
    row.pk = item.pk();
    row.sk = item.sk();
    row.version = item.version() + 1;
    row.expiresAt = item.expiresAt();
    row.data = item.data();
    return row;
  }

  Item toItem() {
    return new Item(pk, sk, version == null ? 0 : version, expiresAt, data);
  }

  String getPk() {
    return pk;
  }

  void setPk(String pk) {
    this.pk = pk;
  }

  String getSk() {
    return sk;
  }

  void setSk(String sk) {
    this.sk = sk;
  }

  Long getVersion() {
    return version;
  }

  void setVersion(Long version) {
    this.version = version;
  }

  Long getExpiresAt() {
    return expiresAt;
  }

  void setExpiresAt(Long expiresAt) {
    this.expiresAt = expiresAt;
  }

  String getData() {
    return data;
  }

  void setData(String data) {
    this.data = data;
  }
}
