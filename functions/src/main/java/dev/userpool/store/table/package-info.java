/** The item table abstraction that the domain stores are written against, and its contract. */
package dev.userpool.store.table;
