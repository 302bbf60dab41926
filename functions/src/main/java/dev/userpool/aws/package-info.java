/**
 * Calls of AWS APIs that the Lambda makes too rarely to carry an SDK service module for: SigV4
 * signing by the SDK's signer, sending by the JDK's HTTP client.
 */
package dev.userpool.aws;
