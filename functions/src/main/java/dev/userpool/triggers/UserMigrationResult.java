package dev.userpool.triggers;

import java.util.List;
import java.util.Map;

/**
 * The UserMigration answer (sources §5.3). {@code userAttributes} is empty when the function
 * returned none; finalUserStatus ({@code CONFIRMED}/{@code RESET_REQUIRED}) and messageAction
 * ({@code SUPPRESS}/{@code RESEND}) are null when absent.
 */
public record UserMigrationResult(
    Map<String, String> userAttributes,
    String finalUserStatus,
    String messageAction,
    List<String> desiredDeliveryMediums,
    boolean forceAliasCreation) {}
