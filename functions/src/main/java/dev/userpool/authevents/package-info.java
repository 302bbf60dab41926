/**
 * Threat protection's auth events: which pools record them, the events a user's sign-ins, sign-ups
 * and password changes leave, the feedback on them, and the pool's blocked and skipped IP ranges.
 * No risk scoring: every event's risk decision is NoRisk unless a blocked IP range decides Block.
 */
package dev.userpool.authevents;
