/**
 * Operations on the groups of a pool and their members (CreateGroup, AdminAddUserToGroup,
 * ListUsersInGroup, …). Depends on domain, store and the users package's lookups; nothing below
 * depends on it.
 */
package dev.userpool.operations.groups;
