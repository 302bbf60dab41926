package dev.userpool.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.PoolSettings;
import dev.userpool.domain.User;
import dev.userpool.domain.UserStatus;
import dev.userpool.errors.CognitoException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Masking (sources §4.3), channel choice (§4.4) and templates (§4.5). */
class MaskingAndChannelsTest {
  private static User user(Map<String, String> attributes) {
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    return new User(
        "us-east-1_X",
        "jane",
        "sub",
        attributes,
        true,
        UserStatus.CONFIRMED,
        t,
        t,
        null,
        Map.of(),
        1);
  }

  @Test
  void whenDestinationsAreMaskedThenTheyLookLikeCognitos() {
    assertEquals("j***@e***", Masking.mask(DeliveryMedium.EMAIL, "jane@example.com"));
    assertEquals("a***@m***", Masking.mask(DeliveryMedium.EMAIL, "a@mail.example.co.uk"));
    assertEquals(
        "t***@t***", Masking.mask(DeliveryMedium.EMAIL, "test@test.com")); // observed on AWS
    assertEquals("+*******1212", Masking.mask(DeliveryMedium.SMS, "+15555551212"));
    assertEquals("+********4114", Masking.mask(DeliveryMedium.SMS, "+447700904114"));
  }

  @Test
  void whenSigningUpThenThePhoneComesBeforeTheEmailAndOnlyAutoVerifiedCount() {
    User both = user(Map.of("email", "j@example.com", "phone_number", "+15555551212"));
    PoolSettings emailAndPhone =
        new PoolSettings(Map.of("AutoVerifiedAttributes", List.of("email", "phone_number")));
    PoolSettings emailOnly = new PoolSettings(Map.of("AutoVerifiedAttributes", List.of("email")));
    assertEquals(Optional.of("phone_number"), ChannelChoice.signUp(emailAndPhone, both));
    assertEquals(Optional.of("email"), ChannelChoice.signUp(emailOnly, both));
    assertEquals(Optional.empty(), ChannelChoice.signUp(new PoolSettings(Map.of()), both));
  }

  @Test
  void whenRecoveringThenOnlyVerifiedValuesCountInTheConfiguredOrder() {
    User u =
        user(
            Map.of(
                "email",
                "j@example.com",
                "email_verified",
                "true",
                "phone_number",
                "+15555551212",
                "phone_number_verified",
                "true"));
    assertEquals(
        Optional.of("phone_number"), ChannelChoice.recovery(new PoolSettings(Map.of()), u));
    PoolSettings emailFirst =
        new PoolSettings(
            Map.of(
                "AccountRecoverySetting",
                Map.of(
                    "RecoveryMechanisms",
                    List.of(
                        Map.of("Name", "verified_phone_number", "Priority", 2),
                        Map.of("Name", "verified_email", "Priority", 1)))));
    assertEquals(Optional.of("email"), ChannelChoice.recovery(emailFirst, u));
    PoolSettings adminOnly =
        new PoolSettings(
            Map.of(
                "AccountRecoverySetting",
                Map.of(
                    "RecoveryMechanisms", List.of(Map.of("Name", "admin_only", "Priority", 1)))));
    assertEquals(Optional.empty(), ChannelChoice.recovery(adminOnly, u));
    assertEquals(
        Optional.empty(),
        ChannelChoice.recovery(
            new PoolSettings(Map.of()),
            user(Map.of("email", "j@example.com", "email_verified", "false"))));
  }

  @Test
  void whenThePoolHasTemplatesThenTheyWinOverDefaultsAndPlaceholdersAreFilled() {
    PoolSettings none = new PoolSettings(Map.of());
    assertEquals("Your verification code is {####}. ", Templates.verification(none).smsMessage());
    assertEquals("Your verification code", Templates.verification(none).emailSubject());
    PoolSettings custom =
        new PoolSettings(
            Map.of(
                "VerificationMessageTemplate",
                Map.of("EmailMessage", "Code: {####}", "EmailSubject", "Hi"),
                "SmsVerificationMessage",
                "SMS {####}"));
    assertEquals("Code: {####}", Templates.verification(custom).emailMessage());
    assertEquals("SMS {####}", Templates.verification(custom).smsMessage());
    assertEquals(
        "Your username is jane and temporary password is 123456. ",
        Templates.fill(Templates.invitation(none).emailMessage(), "123456", "jane"));
    PoolSettings link =
        new PoolSettings(
            Map.of(
                "VerificationMessageTemplate", Map.of("DefaultEmailOption", "CONFIRM_WITH_LINK")));
    assertTrue(Templates.confirmsByLink(link));
    assertFalse(Templates.confirmsByLink(custom));
    assertEquals("Your verification link", Templates.verificationByLink(link).emailSubject());
    assertEquals(
        "Please click the link below to verify your email address. {##Verify Email##} ",
        Templates.verificationByLink(link).emailMessage());
    assertEquals("SMS {####}", Templates.verificationByLink(custom).smsMessage());
  }

  @Test
  void whenALinkEmailIsFilledThenEachPlaceholderBecomesAnEscapedLinkAndAnEmptyOneTheBareUrl() {
    String url = ConfirmationLink.url("https://auth.example.com", "client1", "jane doe", "012345");
    assertEquals(
        "https://auth.example.com/confirmUser?client_id=client1&user_name=jane%20doe"
            + "&confirmation_code=012345",
        url);
    assertEquals(
        "Go <a href=\"https://auth.example.com/confirmUser?client_id=client1&amp;user_name=jane%20doe"
            + "&amp;confirmation_code=012345\">Verify</a>, or paste https://auth.example.com/"
            + "confirmUser?client_id=client1&amp;user_name=jane%20doe&amp;confirmation_code=012345",
        ConfirmationLink.fill("Go {##Verify##}, or paste {####}", url));
    assertTrue(ConfirmationLink.hasPlaceholder("a {##b c##} d"));
    assertFalse(ConfirmationLink.hasPlaceholder("a {#b#} d {###}"));
    assertEquals(
        "$1 <a href=\"u?a=1&amp;b=\\2\">x</a>",
        ConfirmationLink.fill("$1 {##x##}", "u?a=1&b=\\2"),
        "no regex replacement syntax is interpreted");
  }

  @Test
  void whenTheLinkBaseIsChosenThenThePoolNeedsADomainAndTheRequestUrlWins() {
    PoolSettings domain = new PoolSettings(Map.of("Domain", "auth-prefix"));
    assertEquals(
        "http://localhost:9229",
        ConfirmationLink.base(domain, "http://localhost:9229/", "https://api.example.com/prod"));
    assertEquals(
        "https://api.example.com/prod",
        ConfirmationLink.base(domain, null, "https://api.example.com/prod"));
    assertEquals(
        "https://auth.example.com",
        ConfirmationLink.base(
            new PoolSettings(Map.of("CustomDomain", "auth.example.com")),
            "https://auth.example.com",
            null));
    CognitoException none =
        assertThrows(
            CognitoException.class,
            () -> ConfirmationLink.base(new PoolSettings(Map.of()), "http://localhost:9229", null));
    assertEquals(
        "Cannot perform specific action because there does not exist a valid use pool domain"
            + " associated with the user pool",
        none.getMessage());
    assertThrows(CognitoException.class, () -> ConfirmationLink.base(domain, null, " "));
  }
}
