/**
 * SigV4 for the IAM ("admin") operations: the verifier, the admin access keys it checks against,
 * and the replay guard. Runs before an operation reads its input, so a rejected request changes
 * nothing.
 */
package dev.userpool.auth;
