/**
 * Cognito's error vocabulary: one exception class carrying an {@link
 * dev.userpool.errors.ErrorCode}.
 */
package dev.userpool.errors;
