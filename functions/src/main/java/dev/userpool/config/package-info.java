/**
 * Configuration (the only reader of environment variables) and the wiring that builds the app once.
 */
package dev.userpool.config;
