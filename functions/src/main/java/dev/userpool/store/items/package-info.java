/**
 * The domain stores written once over {@link dev.userpool.store.table.ItemTable}; the key design is
 * in Keys.
 */
package dev.userpool.store.items;
