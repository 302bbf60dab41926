/**
 * Identity-provider administration: Create/Describe/Update/Delete/ListIdentityProviders and lookup
 * by identifier.
 */
package dev.userpool.operations.providers;
