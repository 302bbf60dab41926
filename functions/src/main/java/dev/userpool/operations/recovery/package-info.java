/**
 * Password recovery: ForgotPassword, ConfirmForgotPassword, and the admin's AdminResetUserPassword.
 */
package dev.userpool.operations.recovery;
