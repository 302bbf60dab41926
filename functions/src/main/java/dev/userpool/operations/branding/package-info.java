/**
 * Managed login branding styles: Create, Describe(ByClient), Update and DeleteManagedLoginBranding.
 */
package dev.userpool.operations.branding;
