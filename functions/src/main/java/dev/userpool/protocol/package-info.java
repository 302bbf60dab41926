/**
 * The AWS JSON 1.1 wire protocol: X-Amz-Target routing, the operation table, the JSON mapper, the
 * error writer.
 */
package dev.userpool.protocol;
