/**
 * The local console, {@code GET /_local/}: one server-rendered HTML page (no JavaScript, no build
 * step) showing what the local server holds — pools, app clients, users with status and attributes,
 * groups — and the outbox with its codes. Reads through the stores' and the outbox's public APIs
 * only; changes nothing.
 */
package dev.userpool.local.console;
