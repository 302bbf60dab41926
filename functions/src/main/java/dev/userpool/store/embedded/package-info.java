/**
 * The embedded item table of the local server: a sorted in-memory map made durable by a journal and
 * snapshots.
 */
package dev.userpool.store.embedded;
