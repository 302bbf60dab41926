/** App client operations: create, describe, update, delete and list user pool clients. */
package dev.userpool.operations.clients;
