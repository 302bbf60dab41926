package dev.userpool.operations;

import dev.userpool.authflows.SignInSetup;
import dev.userpool.config.AppConfig;
import dev.userpool.delivery.Delivery;
import dev.userpool.imports.UserImports;
import dev.userpool.operations.codes.CodeSender;
import dev.userpool.store.AppClientStore;
import dev.userpool.store.AuthEventStore;
import dev.userpool.store.CodeStore;
import dev.userpool.store.GroupStore;
import dev.userpool.store.IdentityProviderStore;
import dev.userpool.store.ManagedLoginBrandingStore;
import dev.userpool.store.OAuthStores;
import dev.userpool.store.RevokedOriginStore;
import dev.userpool.store.SamlSigningCertificateStore;
import dev.userpool.store.TermsStore;
import dev.userpool.store.UiCustomizationStore;
import dev.userpool.store.UserPoolStore;
import dev.userpool.store.UserStore;
import dev.userpool.tokens.Tokens;
import dev.userpool.triggers.Triggers;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The collaborators operations are built from; each operation's constructor takes only what it
 * uses.
 */
public record Dependencies(
    UserPoolStore pools,
    AppClientStore clients,
    UserStore users,
    GroupStore groups,
    Clock clock,
    SecureRandom random,
    AppConfig config,
    Tokens tokens,
    Triggers triggers,
    SignInSetup signIn,
    RevokedOriginStore revokedOrigins,
    CodeStore codes,
    Delivery delivery,
    IdentityProviderStore identityProviders,
    UiCustomizationStore uiCustomizations,
    SamlSigningCertificateStore samlCertificates,
    TermsStore terms,
    ManagedLoginBrandingStore brandings,
    OAuthStores oauth,
    UserImports imports,
    AuthEventStore authEvents) {

  public Lookups lookups() {
    return new Lookups(pools, clients);
  }

  /** Issues codes: CustomMessage, templates, delivery, then the code's hash. */
  public CodeSender codeSender() {
    return new CodeSender(
        codes,
        users,
        config.limits().codesPerHour(),
        delivery,
        triggers,
        random,
        config.issuerBaseUrl());
  }
}
