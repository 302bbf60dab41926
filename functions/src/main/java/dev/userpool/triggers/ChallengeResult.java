package dev.userpool.triggers;

/**
 * One earlier round of a custom authentication, as the custom-auth triggers see it in {@code
 * request.session}.
 */
public record ChallengeResult(
    String challengeName, boolean challengeResult, String challengeMetadata) {}
