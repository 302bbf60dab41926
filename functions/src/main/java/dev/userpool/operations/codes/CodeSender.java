package dev.userpool.operations.codes;

import dev.userpool.delivery.Delivery;
import dev.userpool.delivery.DeliveryMedium;
import dev.userpool.delivery.OutgoingMessage;
import dev.userpool.delivery.Templates;
import dev.userpool.domain.PoolSettings;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.VerificationCode;
import dev.userpool.errors.ErrorCode;
import dev.userpool.store.CodeStore;
import dev.userpool.triggers.CustomMessageResult;
import dev.userpool.triggers.TriggerContext;
import dev.userpool.triggers.TriggerSource;
import dev.userpool.triggers.Triggers;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Issues a code: six digits from a CSPRNG, the pool's CustomMessage trigger (with the caller's ClientMetadata where
 * Cognito passes it), the pool's templates for what the trigger leaves alone, delivery, and only then the code's
 * hash in the store (replacing the previous code for the purpose). A failed delivery therefore leaves the earlier
 * code, if any, as it was and no new code that was never delivered.
 */
public final class CodeSender {
  /** Cognito's limits on CustomMessage answers (facts §5.4). */
  static final int MAX_EMAIL = 20_000;
  static final int MAX_SMS = 140;
  static final int MAX_SUBJECT = 140;
  private static final Duration SEND_WINDOW = Duration.ofHours(1);

  private final CodeStore codes;
  private final Delivery delivery;
  private final Triggers triggers;
  private final SecureRandom random;

  public CodeSender(CodeStore codes, Delivery delivery, Triggers triggers, SecureRandom random) {
    this.codes = codes;
    this.delivery = delivery;
    this.triggers = triggers;
    this.random = random;
  }

  /**
   * One code to send.
   *
   * @param attributeName {@code email} or {@code phone_number}: where it goes
   * @param clientId the app client of the call, null for admin calls
   * @param clientMetadata passed to CustomMessage; null where Cognito does not pass it
   * @param sendsPerHour codes of this purpose a user may be sent per hour (LimitExceededException beyond); 0 = any
   */
  public record Request(UserPool pool, User user, String purpose, String attributeName, TriggerSource source,
      String clientId, Map<String, String> clientMetadata, int sendsPerHour, Instant now) {}

  public CodeDelivery send(Request r) {
    PoolSettings s = r.pool().view();
    DeliveryMedium medium = DeliveryMedium.forAttribute(r.attributeName());
    String destination = r.user().attribute(r.attributeName());
    if (medium == DeliveryMedium.EMAIL && VerificationCode.SIGN_UP.equals(r.purpose())) {
      Templates.requireCodeEmails(s);
    }
    int sends = 1;
    Instant windowStart = r.now();
    var previous = codes.find(r.pool().id(), r.user().sub(), r.purpose());
    if (previous.isPresent() && r.now().isBefore(previous.get().windowStart().plus(SEND_WINDOW))) {
      sends = previous.get().sends() + 1;
      windowStart = previous.get().windowStart();
    }
    if (r.sendsPerHour() > 0 && sends > r.sendsPerHour()) {
      throw ErrorCode.LIMIT_EXCEEDED.exception("Attempt limit exceeded, please try after some time.");
    }

    String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
    Templates.Texts texts = texts(r, s, medium);
    OutgoingMessage message = new OutgoingMessage(r.pool().id(), r.user().username(), medium, destination,
        r.attributeName(), r.source().wireName(),
        medium == DeliveryMedium.EMAIL ? Templates.fill(texts.emailSubject(), code, r.user().username()) : null,
        Templates.fill(texts.body(medium), code, r.user().username()), code, r.clientMetadata(),
        map(s.get("EmailConfiguration")), map(s.get("SmsConfiguration")), r.now());
    delivery.send(message);
    codes.save(VerificationCode.issue(r.pool().id(), r.user().sub(), r.purpose(), destination, sends, windowStart,
        r.now()), code);
    return CodeDelivery.of(r.attributeName(), destination);
  }

  /** The pool's templates, with what the CustomMessage trigger answered in their place where it may. */
  private Templates.Texts texts(Request r, PoolSettings s, DeliveryMedium medium) {
    Templates.Texts pool = Templates.verification(s);
    CustomMessageResult custom = triggers.customMessage(new TriggerContext(r.pool(), r.clientId(),
        r.user().username(), eventAttributes(r.user()), r.clientMetadata()), r.source());
    boolean cognitoDefault = !"DEVELOPER".equals(map(s.get("EmailConfiguration")).get("EmailSendingAccount"));
    if (medium == DeliveryMedium.EMAIL && cognitoDefault
        && (custom.emailMessage() != null || custom.emailSubject() != null)) {
      // DG: custom email texts need EmailSendingAccount DEVELOPER; Cognito answers this for the trigger.
      throw ErrorCode.INVALID_LAMBDA_RESPONSE.exception("Unrecognizable lambda output");
    }
    // A text without the code placeholder or past Cognito's limits keeps the template (unconfirmed behaviour).
    return new Templates.Texts(
        usable(custom.emailSubject(), MAX_SUBJECT, false) ? custom.emailSubject() : pool.emailSubject(),
        usable(custom.emailMessage(), MAX_EMAIL, true) ? custom.emailMessage() : pool.emailMessage(),
        usable(custom.smsMessage(), MAX_SMS, true) ? custom.smsMessage() : pool.smsMessage());
  }

  private static boolean usable(String text, int max, boolean needsCode) {
    return text != null && !text.isEmpty() && text.length() <= max && (!needsCode || text.contains(Templates.CODE));
  }

  /** The user's attributes as trigger events carry them, with {@code cognito:user_status}. */
  static Map<String, String> eventAttributes(User user) {
    Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
    attributes.put("cognito:user_status", user.status().name());
    return attributes;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
