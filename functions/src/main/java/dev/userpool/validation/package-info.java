/**
 * Request checks driven by Cognito's service model: types, required members, lengths, ranges,
 * patterns, enums.
 */
package dev.userpool.validation;
