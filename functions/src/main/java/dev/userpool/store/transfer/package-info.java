/**
 * Moving a whole store in and out: every live item as versioned JSON Lines ({@link ExportFormat}),
 * written by {@link StoreExport} from any backend and read back by {@link StoreImport} into any
 * backend. Working at the item level means the export holds everything a store holds — pools,
 * clients, users with their SRP verifiers, groups, signing and deployment keys, MFA and device data
 * — without a list of item types to keep in step.
 */
package dev.userpool.store.transfer;
