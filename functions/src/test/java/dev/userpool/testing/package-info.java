/**
 * Test support shared by the functions and local test suites: the moto server, a settable clock.
 */
package dev.userpool.testing;
