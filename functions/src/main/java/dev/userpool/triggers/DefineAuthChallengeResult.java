package dev.userpool.triggers;

/** The DefineAuthChallenge answer: the next challenge, or tokens, or failure. */
public record DefineAuthChallengeResult(
    String challengeName, boolean issueTokens, boolean failAuthentication) {}
