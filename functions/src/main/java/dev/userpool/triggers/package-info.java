/**
 * The pool's Lambda triggers (sources §5): one typed method per trigger building the event Cognito
 * sends, the invoker interface with its AWS Lambda implementation, and Cognito's mapping of trigger
 * failures to errors.
 */
package dev.userpool.triggers;
