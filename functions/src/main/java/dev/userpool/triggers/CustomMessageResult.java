package dev.userpool.triggers;

/**
 * The CustomMessage answer: texts still holding the {@code {####}} (and for invitations {@code
 * {username}}) placeholders; a null member keeps the pool's template. {@link #NONE} when the pool
 * has no CustomMessage trigger.
 */
public record CustomMessageResult(String smsMessage, String emailMessage, String emailSubject) {
  public static final CustomMessageResult NONE = new CustomMessageResult(null, null, null);
}
