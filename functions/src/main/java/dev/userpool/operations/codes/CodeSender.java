package dev.userpool.operations.codes;

import dev.userpool.config.Limits;
import dev.userpool.delivery.ConfirmationLink;
import dev.userpool.delivery.Delivery;
import dev.userpool.delivery.DeliveryMedium;
import dev.userpool.delivery.OutgoingMessage;
import dev.userpool.delivery.Templates;
import dev.userpool.domain.PoolSettings;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.VerificationCode;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.store.CodeStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.UserStore;
import dev.userpool.store.UserWrite;
import dev.userpool.triggers.CustomMessageResult;
import dev.userpool.triggers.Trigger;
import dev.userpool.triggers.TriggerContext;
import dev.userpool.triggers.TriggerSource;
import dev.userpool.triggers.Triggers;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Issues a code: six digits from a CSPRNG, handed encrypted to the pool's custom sender trigger of
 * the medium when it has one (ADR 0021), else the pool's CustomMessage trigger (with the caller's
 * ClientMetadata where Cognito passes it), the pool's templates for what the trigger leaves alone,
 * delivery, and only then the code's hash in the store (replacing the previous code for the
 * purpose). A failed delivery therefore leaves the earlier code, if any, as it was and no new code
 * that was never delivered. Sign-up emails of a CONFIRM_WITH_LINK pool carry the code inside a link
 * to the domain's /confirmUser ({@link ConfirmationLink}, ADR 0022).
 */
public final class CodeSender {
  /** Cognito's limits on CustomMessage answers (sources §5.4). */
  static final int MAX_EMAIL = 20_000;

  static final int MAX_SMS = 140;
  static final int MAX_SUBJECT = 140;

  /** Attempts at storing a delivered code when the user keeps changing meanwhile. */
  private static final int MAX_STORE_ATTEMPTS = 16;

  private final CodeStore codes;
  private final UserStore users;
  private final int codesPerHour;
  private final Delivery delivery;
  private final Triggers triggers;
  private final SecureRandom random;
  private final String configuredBaseUrl;

  /**
   * {@code codesPerHour}: the deployment's quota ({@code Limits#codesPerHour}), for requests that
   * have one.
   */
  public CodeSender(
      CodeStore codes,
      UserStore users,
      int codesPerHour,
      Delivery delivery,
      Triggers triggers,
      SecureRandom random) {
    this(codes, users, codesPerHour, delivery, triggers, random, null);
  }

  /**
   * @param configuredBaseUrl the deployment's own URL ({@code AppConfig#issuerBaseUrl}), where the
   *     domain endpoints are when a request does not say its URL; null when not configured
   */
  public CodeSender(
      CodeStore codes,
      UserStore users,
      int codesPerHour,
      Delivery delivery,
      Triggers triggers,
      SecureRandom random,
      String configuredBaseUrl) {
    this.codes = codes;
    this.users = users;
    this.codesPerHour = codesPerHour;
    this.delivery = delivery;
    this.triggers = triggers;
    this.random = random;
    this.configuredBaseUrl = configuredBaseUrl;
  }

  /**
   * An AdminCreateUser invitation: the temporary password in place of a code, to each of {@code
   * attributeNames} (the DesiredDeliveryMediums the user has a value for), with
   * InviteMessageTemplate and one CustomMessage_AdminCreateUser call. Nothing is stored.
   */
  public record Invitation(
      UserPool pool,
      User user,
      String temporaryPassword,
      List<String> attributeNames,
      Map<String, String> clientMetadata,
      Instant now) {}

  public CodeDelivery send(CodeRequest r) {
    return send(r, Templates.verification(r.pool().view()));
  }

  /** A sign-in (MFA) code: as {@link #send}, with the pool's authentication texts. */
  public CodeDelivery sendAuthenticationCode(CodeRequest r) {
    return send(r, Templates.authentication(r.pool().view()));
  }

  private CodeDelivery send(CodeRequest r, Templates.Texts templates) {
    PoolSettings s = r.pool().view();
    DeliveryMedium medium = DeliveryMedium.forAttribute(r.attributeName());
    String destination = r.target();
    String linkBase = null;
    if (medium == DeliveryMedium.EMAIL
        && VerificationCode.SIGN_UP.equals(r.purpose())
        && Templates.confirmsByLink(s)) {
      linkBase = ConfirmationLink.base(s, r.requestBaseUrl(), configuredBaseUrl);
      templates = Templates.verificationByLink(s);
    }
    SendWindow window = SendWindow.of(r.user(), r.purpose(), r.now());
    if (Limits.reached(window.sends(), r.sendsPerHour() == 0 ? 0 : codesPerHour)) {
      throw ErrorCode.LIMIT_EXCEEDED.exception(
          "Attempt limit exceeded, please try after some time.");
    }

    String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
    if (handedToCustomSender(
        context(r.pool(), r.user(), r.clientId(), r.clientMetadata()),
        r.source(),
        medium,
        destination,
        r.attributeName(),
        code,
        r.now())) {
      store(r, destination, code);
      return CodeDelivery.of(r.attributeName(), destination);
    }
    Templates.Texts texts =
        texts(
            templates,
            customMessage(r.pool(), r.user(), r.clientId(), r.clientMetadata(), r.source()),
            s,
            medium,
            false,
            linkBase != null);
    String body = texts.body(medium);
    if (linkBase != null) {
      body =
          ConfirmationLink.fill(
              body, ConfirmationLink.url(linkBase, r.clientId(), r.user().username(), code));
    }
    OutgoingMessage message =
        new OutgoingMessage(
            r.pool().id(),
            r.user().username(),
            medium,
            destination,
            r.attributeName(),
            r.source().wireName(),
            medium == DeliveryMedium.EMAIL
                ? Templates.fill(texts.emailSubject(), code, r.user().username())
                : null,
            Templates.fill(body, code, r.user().username()),
            code,
            r.clientMetadata(),
            map(s.get("EmailConfiguration")),
            map(s.get("SmsConfiguration")),
            r.now());
    delivery.send(message);
    store(r, destination, code);
    return CodeDelivery.of(r.attributeName(), destination);
  }

  /**
   * Stores the delivered code and counts it on the user, in one batch. If the user changed since it
   * was read, the count is made again on the stored user (the code went out, so it is stored in any
   * case).
   */
  private void store(CodeRequest r, String destination, String code) {
    User before = r.user();
    for (int attempt = 1; ; attempt++) {
      SendWindow window = SendWindow.of(before, r.purpose(), r.now()).plusOne();
      VerificationCode issued =
          VerificationCode.issue(
              r.pool().id(),
              before.sub(),
              r.purpose(),
              destination,
              window.sends(),
              window.start(),
              r.now());
      User after =
          before.withExtensions(window.recordedOn(before, r.purpose()), before.lastModifiedDate());
      try {
        codes.save(
            issued, code, new UserWrite(before, after, UserDirectory.keys(r.pool(), before)));
        return;
      } catch (StaleWriteException changed) {
        Optional<User> current = users.findBySub(r.pool().id(), before.sub());
        if (current.isEmpty() || attempt >= MAX_STORE_ATTEMPTS) {
          codes.save(issued, code); // the user is gone or too busy: keep the code, skip the count
          return;
        }
        before = current.get();
      }
    }
  }

  /**
   * Sends the invitation to every attribute of {@code i.attributeNames()}, in order; returns where
   * it went. A failed send stops there (CodeDeliveryFailureException); the caller undoes what it
   * did.
   */
  public List<CodeDelivery> invite(Invitation i) {
    PoolSettings s = i.pool().view();
    List<CodeDelivery> sent = new ArrayList<>();
    if (i.attributeNames().isEmpty()) {
      return sent;
    }
    CustomMessageResult custom = null;
    for (String attribute : i.attributeNames()) {
      DeliveryMedium medium = DeliveryMedium.forAttribute(attribute);
      String destination = i.user().attribute(attribute);
      if (handedToCustomSender(
          context(i.pool(), i.user(), null, i.clientMetadata()),
          TriggerSource.CUSTOM_MESSAGE_ADMIN_CREATE_USER,
          medium,
          destination,
          attribute,
          escapeHtml(i.temporaryPassword()),
          i.now())) {
        sent.add(CodeDelivery.of(attribute, destination));
        continue;
      }
      if (custom == null) {
        // One CustomMessage_AdminCreateUser call for the mediums no custom sender takes.
        custom =
            customMessage(
                i.pool(),
                i.user(),
                null,
                i.clientMetadata(),
                TriggerSource.CUSTOM_MESSAGE_ADMIN_CREATE_USER);
      }
      Templates.Texts texts = texts(Templates.invitation(s), custom, s, medium, true, false);
      String username = i.user().username();
      delivery.send(
          new OutgoingMessage(
              i.pool().id(),
              username,
              medium,
              destination,
              attribute,
              TriggerSource.CUSTOM_MESSAGE_ADMIN_CREATE_USER.wireName(),
              medium == DeliveryMedium.EMAIL
                  ? Templates.fill(texts.emailSubject(), i.temporaryPassword(), username)
                  : null,
              Templates.fill(texts.body(medium), i.temporaryPassword(), username),
              i.temporaryPassword(),
              i.clientMetadata(),
              map(s.get("EmailConfiguration")),
              map(s.get("SmsConfiguration")),
              i.now()));
      sent.add(CodeDelivery.of(attribute, destination));
    }
    return sent;
  }

  /**
   * Logs an invitation or code that is not sent because the user has no value for {@code
   * attributeName}.
   */
  public void notSent(
      UserPool pool, User user, String attributeName, TriggerSource source, String reason) {
    delivery.notSent(
        pool.id(),
        user.username(),
        DeliveryMedium.forAttribute(attributeName),
        source.wireName(),
        reason);
  }

  /**
   * Hands {@code secret} to the pool's custom sender of {@code medium}, with the source matching
   * {@code customMessageSource}, and records the hand-over; false when the pool has no such sender
   * (the message then goes the usual way). CustomMessage is not invoked for it: the function writes
   * its own text.
   */
  private boolean handedToCustomSender(
      TriggerContext context,
      TriggerSource customMessageSource,
      DeliveryMedium medium,
      String destination,
      String attributeName,
      String secret,
      Instant now) {
    TriggerSource source =
        customMessageSource.forSender(
            medium == DeliveryMedium.EMAIL
                ? Trigger.CUSTOM_EMAIL_SENDER
                : Trigger.CUSTOM_SMS_SENDER);
    if (!triggers.customSender(context, source, secret)) {
      return false;
    }
    PoolSettings s = context.pool().view();
    delivery.handedToCustomSender(
        new OutgoingMessage(
            context.pool().id(),
            context.userName(),
            medium,
            destination,
            attributeName,
            source.wireName(),
            null,
            null,
            null,
            context.clientMetadata(),
            map(s.get("EmailConfiguration")),
            map(s.get("SmsConfiguration")),
            now));
    return true;
  }

  private static TriggerContext context(
      UserPool pool, User user, String clientId, Map<String, String> clientMetadata) {
    return new TriggerContext(
        pool, clientId, user.username(), eventAttributes(user), clientMetadata);
  }

  /**
   * Cognito HTML-escapes temporary passwords before it encrypts them for a custom sender (sources
   * §5.5; which characters beyond {@code <} is unconfirmed).
   */
  static String escapeHtml(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private CustomMessageResult customMessage(
      UserPool pool,
      User user,
      String clientId,
      Map<String, String> clientMetadata,
      TriggerSource source) {
    return triggers.customMessage(
        new TriggerContext(pool, clientId, user.username(), eventAttributes(user), clientMetadata),
        source);
  }

  /**
   * The pool's templates, with what the CustomMessage trigger answered in their place where it may.
   */
  private static Templates.Texts texts(
      Templates.Texts pool,
      CustomMessageResult custom,
      PoolSettings s,
      DeliveryMedium medium,
      boolean invite,
      boolean byLink) {
    boolean cognitoDefault =
        !"DEVELOPER".equals(map(s.get("EmailConfiguration")).get("EmailSendingAccount"));
    if (medium == DeliveryMedium.EMAIL
        && cognitoDefault
        && (custom.emailMessage() != null || custom.emailSubject() != null)) {
      // DG: custom email texts need EmailSendingAccount DEVELOPER; Cognito answers this for the
      // trigger.
      throw ErrorCode.INVALID_LAMBDA_RESPONSE.exception("Unrecognizable lambda output");
    }
    // A text without the code (or, in a link email, the link) placeholder or past Cognito's limits
    // keeps the template (unconfirmed behaviour).
    boolean emailUsable =
        byLink
            ? usable(custom.emailMessage(), MAX_EMAIL, false)
                && ConfirmationLink.hasPlaceholder(custom.emailMessage())
            : usable(custom.emailMessage(), MAX_EMAIL, true, invite);
    return new Templates.Texts(
        usable(custom.emailSubject(), MAX_SUBJECT, false)
            ? custom.emailSubject()
            : pool.emailSubject(),
        emailUsable ? custom.emailMessage() : pool.emailMessage(),
        usable(custom.smsMessage(), MAX_SMS, true, invite)
            ? custom.smsMessage()
            : pool.smsMessage());
  }

  /** Invitation texts must also carry the username placeholder (sources §5.4). */
  private static boolean usable(String text, int max, boolean needsCode, boolean needsUsername) {
    return usable(text, max, needsCode) && (!needsUsername || text.contains(Templates.USERNAME));
  }

  private static boolean usable(String text, int max, boolean needsCode) {
    return text != null
        && !text.isEmpty()
        && text.length() <= max
        && (!needsCode || text.contains(Templates.CODE));
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
