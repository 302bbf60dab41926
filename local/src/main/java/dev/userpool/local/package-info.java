/**
 * The local server: Netty HTTP server, embedded store, CORS, reset and health endpoints, one log
 * line per request.
 */
package dev.userpool.local;
