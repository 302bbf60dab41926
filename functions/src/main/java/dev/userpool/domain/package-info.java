/** The things a user pool is made of, as plain records: no AWS SDK, no Jackson, no I/O. */
package dev.userpool.domain;
