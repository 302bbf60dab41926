/** The user pool domain operations: Create/Describe/Update/DeleteUserPoolDomain. */
package dev.userpool.operations.domains;
