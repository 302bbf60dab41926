/**
 * User pool operations: create, describe, update, delete, list, custom attributes, MFA settings,
 * CSV header.
 */
package dev.userpool.operations.pools;
