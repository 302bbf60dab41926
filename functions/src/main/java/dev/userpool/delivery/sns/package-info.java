/** SMS through Amazon SNS (Publish to a phone number), in the pool's SnsRegion. */
package dev.userpool.delivery.sns;
