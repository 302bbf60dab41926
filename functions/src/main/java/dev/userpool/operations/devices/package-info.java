/**
 * Cognito's device operations: ConfirmDevice, the user's
 * GetDevice/ListDevices/ForgetDevice/UpdateDeviceStatus (authorized by an access token) and their
 * Admin* counterparts (by pool and username).
 */
package dev.userpool.operations.devices;
