/**
 * The DynamoDB backend of the item table: one table (pk, sk, version, expiresAt, data) via the
 * Enhanced client.
 */
package dev.userpool.store.dynamodb;
