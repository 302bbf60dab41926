package dev.userpool.triggers;

import java.util.Map;

/**
 * The CreateAuthChallenge answer: parameters shown to the client, kept for the verifier, and
 * metadata.
 */
public record CreateAuthChallengeResult(
    Map<String, String> publicChallengeParameters,
    Map<String, String> privateChallengeParameters,
    String challengeMetadata) {}
