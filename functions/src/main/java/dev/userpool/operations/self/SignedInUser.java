package dev.userpool.operations.self;

import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.tokens.VerifiedToken;

/**
 * Who an accepted access token speaks for: the pool, the user as stored now, and the token itself.
 */
public record SignedInUser(UserPool pool, User user, VerifiedToken token) {}
