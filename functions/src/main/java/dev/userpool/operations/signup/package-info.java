/**
 * Self-service sign-up: SignUp, ConfirmSignUp, ResendConfirmationCode, and the admin's
 * AdminConfirmSignUp.
 */
package dev.userpool.operations.signup;
