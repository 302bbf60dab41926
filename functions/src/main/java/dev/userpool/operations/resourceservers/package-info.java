/**
 * OAuth resource servers and their custom scopes:
 * Create/Describe/Update/Delete/ListResourceServers.
 */
package dev.userpool.operations.resourceservers;
