/**
 * One final class per Cognito operation, named exactly after it, grouped by area; the table that
 * lists them.
 */
package dev.userpool.operations;
