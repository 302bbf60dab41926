/**
 * Persistence contracts in domain terms; implemented once over the item table, which has two
 * backends.
 */
package dev.userpool.store;
