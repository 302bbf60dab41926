/**
 * The classic hosted UI's customization: SetUICustomization and GetUICustomization, per pool and
 * per client.
 */
package dev.userpool.operations.ui;
