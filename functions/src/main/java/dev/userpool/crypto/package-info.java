/**
 * Password and identifier cryptography: Cognito's SRP-6a math, password-policy checks, temporary
 * passwords, random identifiers in Cognito's formats and constant-time comparison. Depends only on
 * domain and errors.
 */
package dev.userpool.crypto;
