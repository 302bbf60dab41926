package dev.userpool.operations;

import dev.userpool.authevents.AuditedSignIns;
import dev.userpool.authevents.AuthEventLog;
import dev.userpool.authflows.AuthFlows;
import dev.userpool.authflows.ChallengeSessions;
import dev.userpool.authflows.PasskeyCeremonies;
import dev.userpool.authflows.SoftwareTokens;
import dev.userpool.oauth.federation.ApplePrivateKeys;
import dev.userpool.oauth.saml.EncryptionKeys;
import dev.userpool.operations.auth.AdminInitiateAuth;
import dev.userpool.operations.auth.AdminRespondToAuthChallenge;
import dev.userpool.operations.auth.DirectoryAccounts;
import dev.userpool.operations.auth.GetTokensFromRefreshToken;
import dev.userpool.operations.auth.InitiateAuth;
import dev.userpool.operations.auth.MfaCodeMessages;
import dev.userpool.operations.auth.OneTimeSignInCodes;
import dev.userpool.operations.auth.RespondToAuthChallenge;
import dev.userpool.operations.auth.UserMigration;
import dev.userpool.operations.authevents.AdminListUserAuthEvents;
import dev.userpool.operations.authevents.AdminUpdateAuthEventFeedback;
import dev.userpool.operations.authevents.UpdateAuthEventFeedback;
import dev.userpool.operations.branding.CreateManagedLoginBranding;
import dev.userpool.operations.branding.DeleteManagedLoginBranding;
import dev.userpool.operations.branding.DescribeManagedLoginBranding;
import dev.userpool.operations.branding.DescribeManagedLoginBrandingByClient;
import dev.userpool.operations.branding.UpdateManagedLoginBranding;
import dev.userpool.operations.clients.AddUserPoolClientSecret;
import dev.userpool.operations.clients.CreateUserPoolClient;
import dev.userpool.operations.clients.DeleteUserPoolClient;
import dev.userpool.operations.clients.DeleteUserPoolClientSecret;
import dev.userpool.operations.clients.DescribeUserPoolClient;
import dev.userpool.operations.clients.ListUserPoolClientSecrets;
import dev.userpool.operations.clients.ListUserPoolClients;
import dev.userpool.operations.clients.UpdateUserPoolClient;
import dev.userpool.operations.codes.CodeCheck;
import dev.userpool.operations.codes.PublicClients;
import dev.userpool.operations.devices.AdminDevices;
import dev.userpool.operations.devices.AdminForgetDevice;
import dev.userpool.operations.devices.AdminGetDevice;
import dev.userpool.operations.devices.AdminListDevices;
import dev.userpool.operations.devices.AdminUpdateDeviceStatus;
import dev.userpool.operations.devices.ConfirmDevice;
import dev.userpool.operations.devices.ForgetDevice;
import dev.userpool.operations.devices.GetDevice;
import dev.userpool.operations.devices.ListDevices;
import dev.userpool.operations.devices.UpdateDeviceStatus;
import dev.userpool.operations.devices.UserDevices;
import dev.userpool.operations.domains.CreateUserPoolDomain;
import dev.userpool.operations.domains.DeleteUserPoolDomain;
import dev.userpool.operations.domains.DescribeUserPoolDomain;
import dev.userpool.operations.domains.UpdateUserPoolDomain;
import dev.userpool.operations.groups.AdminAddUserToGroup;
import dev.userpool.operations.groups.AdminListGroupsForUser;
import dev.userpool.operations.groups.AdminRemoveUserFromGroup;
import dev.userpool.operations.groups.CreateGroup;
import dev.userpool.operations.groups.DeleteGroup;
import dev.userpool.operations.groups.GetGroup;
import dev.userpool.operations.groups.ListGroups;
import dev.userpool.operations.groups.ListUsersInGroup;
import dev.userpool.operations.groups.UpdateGroup;
import dev.userpool.operations.imports.CreateUserImportJob;
import dev.userpool.operations.imports.DescribeUserImportJob;
import dev.userpool.operations.imports.ListUserImportJobs;
import dev.userpool.operations.imports.StartUserImportJob;
import dev.userpool.operations.imports.StopUserImportJob;
import dev.userpool.operations.mfa.AdminSetUserMFAPreference;
import dev.userpool.operations.mfa.AdminSetUserSettings;
import dev.userpool.operations.mfa.AssociateSoftwareToken;
import dev.userpool.operations.mfa.SetUserMFAPreference;
import dev.userpool.operations.mfa.SetUserSettings;
import dev.userpool.operations.mfa.SoftwareTokenCaller;
import dev.userpool.operations.mfa.VerifySoftwareToken;
import dev.userpool.operations.passkeys.CompleteWebAuthnRegistration;
import dev.userpool.operations.passkeys.DeleteWebAuthnCredential;
import dev.userpool.operations.passkeys.ListWebAuthnCredentials;
import dev.userpool.operations.passkeys.StartWebAuthnRegistration;
import dev.userpool.operations.pools.AddCustomAttributes;
import dev.userpool.operations.pools.CreateUserPool;
import dev.userpool.operations.pools.DeleteUserPool;
import dev.userpool.operations.pools.DescribeRiskConfiguration;
import dev.userpool.operations.pools.DescribeUserPool;
import dev.userpool.operations.pools.GetCSVHeader;
import dev.userpool.operations.pools.GetLogDeliveryConfiguration;
import dev.userpool.operations.pools.GetUserPoolMfaConfig;
import dev.userpool.operations.pools.ListUserPools;
import dev.userpool.operations.pools.SetLogDeliveryConfiguration;
import dev.userpool.operations.pools.SetRiskConfiguration;
import dev.userpool.operations.pools.SetUserPoolMfaConfig;
import dev.userpool.operations.pools.UpdateUserPool;
import dev.userpool.operations.providers.AdminDisableProviderForUser;
import dev.userpool.operations.providers.AdminLinkProviderForUser;
import dev.userpool.operations.providers.CreateIdentityProvider;
import dev.userpool.operations.providers.DeleteIdentityProvider;
import dev.userpool.operations.providers.DescribeIdentityProvider;
import dev.userpool.operations.providers.GetIdentityProviderByIdentifier;
import dev.userpool.operations.providers.GetSigningCertificate;
import dev.userpool.operations.providers.ListIdentityProviders;
import dev.userpool.operations.providers.OidcDiscovery;
import dev.userpool.operations.providers.SelfSignedCertificates;
import dev.userpool.operations.providers.UpdateIdentityProvider;
import dev.userpool.operations.recovery.AdminResetUserPassword;
import dev.userpool.operations.recovery.ConfirmForgotPassword;
import dev.userpool.operations.recovery.ForgotPassword;
import dev.userpool.operations.resourceservers.CreateResourceServer;
import dev.userpool.operations.resourceservers.DeleteResourceServer;
import dev.userpool.operations.resourceservers.DescribeResourceServer;
import dev.userpool.operations.resourceservers.ListResourceServers;
import dev.userpool.operations.resourceservers.UpdateResourceServer;
import dev.userpool.operations.self.AccessTokens;
import dev.userpool.operations.self.AdminUserGlobalSignOut;
import dev.userpool.operations.self.ChangePassword;
import dev.userpool.operations.self.DeleteUser;
import dev.userpool.operations.self.DeleteUserAttributes;
import dev.userpool.operations.self.GetUser;
import dev.userpool.operations.self.GetUserAttributeVerificationCode;
import dev.userpool.operations.self.GetUserAuthFactors;
import dev.userpool.operations.self.GlobalSignOut;
import dev.userpool.operations.self.RevokeToken;
import dev.userpool.operations.self.SignOuts;
import dev.userpool.operations.self.UpdateUserAttributes;
import dev.userpool.operations.self.VerifyUserAttribute;
import dev.userpool.operations.signup.AdminConfirmSignUp;
import dev.userpool.operations.signup.ConfirmSignUp;
import dev.userpool.operations.signup.ResendConfirmationCode;
import dev.userpool.operations.signup.SignUp;
import dev.userpool.operations.tags.ListTagsForResource;
import dev.userpool.operations.tags.TagResource;
import dev.userpool.operations.tags.UntagResource;
import dev.userpool.operations.terms.CreateTerms;
import dev.userpool.operations.terms.DeleteTerms;
import dev.userpool.operations.terms.DescribeTerms;
import dev.userpool.operations.terms.ListTerms;
import dev.userpool.operations.terms.UpdateTerms;
import dev.userpool.operations.ui.GetUICustomization;
import dev.userpool.operations.ui.SetUICustomization;
import dev.userpool.operations.users.AdminCreateUser;
import dev.userpool.operations.users.AdminDeleteUser;
import dev.userpool.operations.users.AdminDeleteUserAttributes;
import dev.userpool.operations.users.AdminDisableUser;
import dev.userpool.operations.users.AdminEnableUser;
import dev.userpool.operations.users.AdminGetUser;
import dev.userpool.operations.users.AdminSetUserPassword;
import dev.userpool.operations.users.AdminUpdateUserAttributes;
import dev.userpool.operations.users.AttributeChanges;
import dev.userpool.operations.users.ListUsers;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationTable;
import dev.userpool.validation.ServiceModel;

/**
 * The operation table: one line per implemented Cognito operation, wire name first. Operations of
 * the service model that are not listed here answer UnsupportedOperationException naming the
 * operation.
 *
 * <p>Each operation is constructed on its first request, not at start-up: a Lambda cold start
 * answers one operation, and constructing all 122 loaded a few hundred classes first. The lines are
 * cases of a switch rather than a map of suppliers because each lambda or method reference in such
 * a map is linked when the map is built (a hidden class spun per entry), which would put 122
 * linkages back into start-up. The table still routes: this only says how to build each entry. The
 * helpers several operations share are built here, once.
 */
public final class Implementations implements OperationTable.Factory {
  private final Dependencies d;
  private final AuthFlows flows;
  private final AuthEventLog authEvents;
  private final ApplePrivateKeys appleKeys;
  private final EncryptionKeys samlEncryptionKeys;
  private final AccessTokens accessTokens;
  private final SignOuts signOuts;
  private final UserDirectory directory;
  private final PublicClients publicClients;
  private final CodeCheck codeCheck;
  private final UserDevices devices;
  private final AdminDevices adminDevices;
  private final DirectoryAccounts accounts;
  private final ChallengeSessions challengeSessions;
  private final SoftwareTokens softwareTokens;
  private final SoftwareTokenCaller tokenCallers;

  private Implementations(Dependencies d) {
    this.d = d;
    this.flows =
        d.signIn()
            .withMfaCodes(new MfaCodeMessages(d.codeSender(), d.codes()))
            .flows(
                new DirectoryAccounts(new UserDirectory(d.users())),
                d.tokens(),
                d.random(),
                new OneTimeSignInCodes(
                    d.codeSender(), new CodeCheck(d.codes(), d.config().limits())),
                d.config().limits().signInAttempts());
    this.authEvents = new AuthEventLog(d.authEvents(), d.random());
    this.appleKeys = new ApplePrivateKeys(d.signIn().deploymentKeys(), d.random());
    this.samlEncryptionKeys = new EncryptionKeys(d.signIn().deploymentKeys(), d.random());
    flows.guardedBy(
        new AuditedSignIns(authEvents, new DirectoryAccounts(new UserDirectory(d.users()))));
    this.accessTokens =
        new AccessTokens(d.tokens().verifier(), d.pools(), d.users(), d.revokedOrigins());
    this.signOuts = new SignOuts(new UserDirectory(d.users()), d.clock());
    this.directory = new UserDirectory(d.users());
    this.publicClients = new PublicClients(d.lookups());
    this.codeCheck = new CodeCheck(d.codes(), d.config().limits());
    this.devices = new UserDevices(d.signIn().devices());
    this.adminDevices = new AdminDevices(d.lookups(), directory);
    this.accounts = new DirectoryAccounts(directory);
    this.challengeSessions = d.signIn().challengeSessions(d.random());
    this.softwareTokens = d.signIn().softwareTokens(accounts, d.random());
    this.tokenCallers =
        new SoftwareTokenCaller(accessTokens, challengeSessions, d.lookups(), accounts);
  }

  public static OperationTable table(ServiceModel model, Dependencies d) {
    return OperationTable.of(model, new Implementations(d));
  }

  @Override
  public Operation create(String name) {
    return switch (name) {
      // pools, clients, tags
      case "CreateUserPool" -> new CreateUserPool(d.pools(), d.random(), d.tokens().keys());
      case "DescribeUserPool" -> new DescribeUserPool(d.lookups(), d.users());
      case "UpdateUserPool" -> new UpdateUserPool(d.lookups(), d.pools());
      case "DeleteUserPool" -> new DeleteUserPool(d.lookups(), d.pools());
      case "ListUserPools" -> new ListUserPools(d.pools());
      case "AddCustomAttributes" -> new AddCustomAttributes(d.lookups(), d.pools());
      case "GetUserPoolMfaConfig" -> new GetUserPoolMfaConfig(d.lookups());
      case "SetUserPoolMfaConfig" -> new SetUserPoolMfaConfig(d.lookups(), d.pools());
      case "GetCSVHeader" -> new GetCSVHeader(d.lookups());
      case "CreateUserImportJob" -> new CreateUserImportJob(d.lookups(), d.imports(), d.random());
      case "DescribeUserImportJob" -> new DescribeUserImportJob(d.lookups(), d.imports());
      case "ListUserImportJobs" -> new ListUserImportJobs(d.lookups(), d.imports());
      case "StartUserImportJob" ->
          new StartUserImportJob(
              d.lookups(), d.imports(), new UserDirectory(d.users()), d.random(), d.clock());
      case "StopUserImportJob" -> new StopUserImportJob(d.lookups(), d.imports());
      case "CreateUserPoolClient" ->
          new CreateUserPoolClient(
              d.lookups(), d.clients(), d.oauth().resourceServers(), d.random());
      case "DescribeUserPoolClient" -> new DescribeUserPoolClient(d.lookups());
      case "UpdateUserPoolClient" ->
          new UpdateUserPoolClient(d.lookups(), d.clients(), d.oauth().resourceServers());
      case "DeleteUserPoolClient" -> new DeleteUserPoolClient(d.lookups(), d.clients());
      case "ListUserPoolClients" -> new ListUserPoolClients(d.lookups(), d.clients());
      case "AddUserPoolClientSecret" ->
          new AddUserPoolClientSecret(d.lookups(), d.clients(), d.random());
      case "ListUserPoolClientSecrets" -> new ListUserPoolClientSecrets(d.lookups());
      case "DeleteUserPoolClientSecret" -> new DeleteUserPoolClientSecret(d.lookups(), d.clients());
      case "GetLogDeliveryConfiguration" -> new GetLogDeliveryConfiguration(d.lookups());
      case "SetLogDeliveryConfiguration" -> new SetLogDeliveryConfiguration(d.lookups(), d.pools());
      case "SetRiskConfiguration" -> new SetRiskConfiguration(d.lookups(), d.pools());
      case "DescribeRiskConfiguration" -> new DescribeRiskConfiguration(d.lookups());
      case "AdminListUserAuthEvents" ->
          new AdminListUserAuthEvents(d.lookups(), directory, authEvents);
      case "AdminUpdateAuthEventFeedback" ->
          new AdminUpdateAuthEventFeedback(d.lookups(), directory, authEvents);
      case "UpdateAuthEventFeedback" ->
          new UpdateAuthEventFeedback(d.lookups(), directory, authEvents);
      case "CreateTerms" -> new CreateTerms(d.lookups(), d.terms(), d.random());
      case "DescribeTerms" -> new DescribeTerms(d.lookups(), d.terms());
      case "ListTerms" -> new ListTerms(d.lookups(), d.terms());
      case "UpdateTerms" -> new UpdateTerms(d.lookups(), d.terms());
      case "DeleteTerms" -> new DeleteTerms(d.lookups(), d.terms());
      case "CreateManagedLoginBranding" ->
          new CreateManagedLoginBranding(d.lookups(), d.brandings(), d.random());
      case "DescribeManagedLoginBranding" ->
          new DescribeManagedLoginBranding(d.lookups(), d.brandings());
      case "DescribeManagedLoginBrandingByClient" ->
          new DescribeManagedLoginBrandingByClient(d.lookups(), d.brandings());
      case "UpdateManagedLoginBranding" ->
          new UpdateManagedLoginBranding(d.lookups(), d.brandings());
      case "DeleteManagedLoginBranding" ->
          new DeleteManagedLoginBranding(d.lookups(), d.brandings());
      case "TagResource" -> new TagResource(d.pools());
      case "UntagResource" -> new UntagResource(d.pools());
      case "ListTagsForResource" -> new ListTagsForResource(d.pools());
      // users
      case "AdminCreateUser" ->
          new AdminCreateUser(d.lookups(), directory, d.codeSender(), d.triggers(), d.random());
      case "AdminGetUser" -> new AdminGetUser(d.lookups(), new UserDirectory(d.users()));
      case "AdminDeleteUser" -> new AdminDeleteUser(d.lookups(), new UserDirectory(d.users()));
      case "AdminUpdateUserAttributes" ->
          new AdminUpdateUserAttributes(
              d.lookups(), directory, new AttributeChanges(directory, d.codeSender()));
      case "AdminDeleteUserAttributes" ->
          new AdminDeleteUserAttributes(d.lookups(), new UserDirectory(d.users()));
      case "AdminDisableUser" -> new AdminDisableUser(d.lookups(), new UserDirectory(d.users()));
      case "AdminEnableUser" -> new AdminEnableUser(d.lookups(), new UserDirectory(d.users()));
      case "AdminSetUserPassword" ->
          new AdminSetUserPassword(d.lookups(), new UserDirectory(d.users()), d.random());
      case "ListUsers" -> new ListUsers(d.lookups(), d.users());
      // groups
      case "CreateGroup" -> new CreateGroup(d.lookups(), d.groups());
      case "GetGroup" -> new GetGroup(d.lookups(), d.groups());
      case "UpdateGroup" -> new UpdateGroup(d.lookups(), d.groups());
      case "DeleteGroup" -> new DeleteGroup(d.lookups(), d.groups());
      case "ListGroups" -> new ListGroups(d.lookups(), d.groups());
      case "AdminAddUserToGroup" ->
          new AdminAddUserToGroup(d.lookups(), d.groups(), new UserDirectory(d.users()));
      case "AdminRemoveUserFromGroup" ->
          new AdminRemoveUserFromGroup(d.lookups(), d.groups(), new UserDirectory(d.users()));
      case "AdminListGroupsForUser" ->
          new AdminListGroupsForUser(d.lookups(), d.groups(), new UserDirectory(d.users()));
      case "ListUsersInGroup" -> new ListUsersInGroup(d.lookups(), d.groups(), d.users());
      // auth
      case "InitiateAuth" -> new InitiateAuth(d.lookups(), flows);
      case "AdminInitiateAuth" -> new AdminInitiateAuth(d.lookups(), flows);
      case "RespondToAuthChallenge" -> new RespondToAuthChallenge(d.lookups(), flows);
      case "AdminRespondToAuthChallenge" -> new AdminRespondToAuthChallenge(d.lookups(), flows);
      case "GetTokensFromRefreshToken" ->
          new GetTokensFromRefreshToken(
              d.lookups(),
              d.signIn()
                  .refreshTokenExchange(new DirectoryAccounts(directory), d.tokens(), d.random()));
      // token-authorized
      case "GetUser" -> new GetUser(accessTokens);
      case "GetUserAuthFactors" ->
          new GetUserAuthFactors(accessTokens, d.signIn().passkeySignIn(d.random()));
      case "ChangePassword" ->
          new ChangePassword(
              accessTokens,
              new UserDirectory(d.users()),
              d.random(),
              d.config().limits().passwordChangeAttempts(),
              authEvents);
      case "DeleteUser" -> new DeleteUser(accessTokens, new UserDirectory(d.users()));
      case "UpdateUserAttributes" ->
          new UpdateUserAttributes(
              accessTokens, d.lookups(), new AttributeChanges(directory, d.codeSender()));
      case "DeleteUserAttributes" ->
          new DeleteUserAttributes(
              accessTokens, d.lookups(), new AttributeChanges(new UserDirectory(d.users())));
      case "GlobalSignOut" -> new GlobalSignOut(accessTokens, signOuts);
      case "AdminUserGlobalSignOut" ->
          new AdminUserGlobalSignOut(d.lookups(), new UserDirectory(d.users()), signOuts);
      case "RevokeToken" ->
          new RevokeToken(
              d.lookups(),
              d.signIn().refreshTokens(),
              d.revokedOrigins(),
              new UserDirectory(d.users()));
      // codes
      case "SignUp" ->
          new SignUp(
              publicClients, directory, d.codeSender(), d.triggers(), d.random(), authEvents);
      case "ConfirmSignUp" -> new ConfirmSignUp(publicClients, directory, codeCheck, d.triggers());
      case "ResendConfirmationCode" ->
          new ResendConfirmationCode(publicClients, directory, d.codeSender(), authEvents);
      case "AdminConfirmSignUp" ->
          new AdminConfirmSignUp(d.lookups(), directory, d.codes(), d.triggers());
      case "ForgotPassword" ->
          new ForgotPassword(
              publicClients,
              directory,
              d.codeSender(),
              new UserMigration(d.triggers(), directory, d.random()),
              authEvents);
      case "ConfirmForgotPassword" ->
          new ConfirmForgotPassword(publicClients, directory, codeCheck, d.triggers(), d.random());
      case "AdminResetUserPassword" ->
          new AdminResetUserPassword(d.lookups(), directory, d.codeSender());
      case "GetUserAttributeVerificationCode" ->
          new GetUserAttributeVerificationCode(accessTokens, d.codeSender());
      case "VerifyUserAttribute" -> new VerifyUserAttribute(accessTokens, directory, codeCheck);
      // devices
      case "ConfirmDevice" -> new ConfirmDevice(accessTokens, devices);
      case "GetDevice" -> new GetDevice(accessTokens, devices);
      case "ListDevices" -> new ListDevices(accessTokens, devices);
      // passkeys
      case "StartWebAuthnRegistration" ->
          new StartWebAuthnRegistration(
              accessTokens, d.signIn().passkeys(), d.signIn().registrationChallenges(d.random()));
      case "CompleteWebAuthnRegistration" ->
          new CompleteWebAuthnRegistration(
              accessTokens,
              d.signIn().passkeys(),
              d.signIn().registrationChallenges(d.random()),
              new PasskeyCeremonies());
      case "ListWebAuthnCredentials" ->
          new ListWebAuthnCredentials(accessTokens, d.signIn().passkeys());
      case "DeleteWebAuthnCredential" ->
          new DeleteWebAuthnCredential(accessTokens, d.signIn().passkeys());
      case "ForgetDevice" -> new ForgetDevice(accessTokens, devices);
      case "UpdateDeviceStatus" -> new UpdateDeviceStatus(accessTokens, devices);
      case "AdminGetDevice" -> new AdminGetDevice(adminDevices, devices);
      case "AdminListDevices" -> new AdminListDevices(adminDevices, devices);
      case "AdminForgetDevice" -> new AdminForgetDevice(adminDevices, devices);
      case "AdminUpdateDeviceStatus" -> new AdminUpdateDeviceStatus(adminDevices, devices);
      // MFA
      case "AssociateSoftwareToken" ->
          new AssociateSoftwareToken(tokenCallers, softwareTokens, challengeSessions);
      case "VerifySoftwareToken" ->
          new VerifySoftwareToken(tokenCallers, softwareTokens, challengeSessions);
      case "SetUserMFAPreference" ->
          new SetUserMFAPreference(accessTokens, accounts, d.signIn().passkeySignIn(d.random()));
      case "AdminSetUserMFAPreference" ->
          new AdminSetUserMFAPreference(
              d.lookups(), directory, d.signIn().passkeySignIn(d.random()));
      case "SetUserSettings" -> new SetUserSettings(accessTokens, accounts);
      case "AdminSetUserSettings" -> new AdminSetUserSettings(d.lookups(), directory);
      // identity providers
      case "AdminLinkProviderForUser" ->
          new AdminLinkProviderForUser(
              d.lookups(),
              d.identityProviders(),
              new UserDirectory(d.users()),
              d.oauth().federatedLinks());
      case "AdminDisableProviderForUser" ->
          new AdminDisableProviderForUser(
              d.lookups(), new UserDirectory(d.users()), d.oauth().federatedLinks());
      case "CreateIdentityProvider" ->
          new CreateIdentityProvider(
              d.lookups(),
              d.identityProviders(),
              new OidcDiscovery(),
              appleKeys,
              samlEncryptionKeys);
      case "DescribeIdentityProvider" ->
          new DescribeIdentityProvider(d.lookups(), d.identityProviders());
      case "UpdateIdentityProvider" ->
          new UpdateIdentityProvider(
              d.lookups(),
              d.identityProviders(),
              new OidcDiscovery(),
              appleKeys,
              samlEncryptionKeys);
      case "DeleteIdentityProvider" ->
          new DeleteIdentityProvider(d.lookups(), d.identityProviders());
      case "ListIdentityProviders" -> new ListIdentityProviders(d.lookups(), d.identityProviders());
      case "GetIdentityProviderByIdentifier" ->
          new GetIdentityProviderByIdentifier(d.lookups(), d.identityProviders());
      case "GetSigningCertificate" ->
          new GetSigningCertificate(
              d.lookups(), d.samlCertificates(), new SelfSignedCertificates(d.random()));
      case "SetUICustomization" -> new SetUICustomization(d.lookups(), d.uiCustomizations());
      case "GetUICustomization" -> new GetUICustomization(d.lookups(), d.uiCustomizations());
      // domains and resource servers (OAuth)
      case "CreateUserPoolDomain" -> new CreateUserPoolDomain(d.lookups(), d.oauth().domains());
      case "DescribeUserPoolDomain" -> new DescribeUserPoolDomain(d.oauth().domains());
      case "UpdateUserPoolDomain" -> new UpdateUserPoolDomain(d.lookups(), d.oauth().domains());
      case "DeleteUserPoolDomain" -> new DeleteUserPoolDomain(d.lookups(), d.oauth().domains());
      case "CreateResourceServer" ->
          new CreateResourceServer(d.lookups(), d.oauth().resourceServers());
      case "DescribeResourceServer" ->
          new DescribeResourceServer(d.lookups(), d.oauth().resourceServers());
      case "UpdateResourceServer" ->
          new UpdateResourceServer(d.lookups(), d.oauth().resourceServers());
      case "DeleteResourceServer" ->
          new DeleteResourceServer(d.lookups(), d.oauth().resourceServers());
      case "ListResourceServers" ->
          new ListResourceServers(d.lookups(), d.oauth().resourceServers());
      default -> null;
    };
  }
}
