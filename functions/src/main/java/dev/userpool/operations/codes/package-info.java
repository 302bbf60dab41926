/**
 * What every operation that sends or checks a code shares: issuing a code (CustomMessage,
 * templates, delivery, storing its hash), checking an answer (Cognito's errors and attempt limits),
 * and the public-client checks.
 */
package dev.userpool.operations.codes;
