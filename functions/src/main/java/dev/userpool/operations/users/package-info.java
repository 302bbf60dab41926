/**
 * Operations on the users of a pool (ListUsers, AdminGetUser, …) and what only they need, such as
 * ListUsers' Filter. Depends on domain, crypto and errors; nothing below depends on it.
 */
package dev.userpool.operations.users;
