/**
 * Sending codes: which channel and destination (Cognito's rules), masking, the pool's message
 * templates, and the channels themselves — SES email ({@code ses/}), SNS SMS ({@code sns/}) and the
 * local {@link Outbox}.
 */
package dev.userpool.delivery;
