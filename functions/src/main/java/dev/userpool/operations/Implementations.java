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
import dev.userpool.protocol.OperationTable;
import dev.userpool.validation.ServiceModel;

/**
 * The operation table: one line per implemented Cognito operation, wire name first. Operations of
 * the service model that are not listed here answer UnsupportedOperationException naming the
 * operation.
 */
public final class Implementations {
  private Implementations() {}

  public static OperationTable table(ServiceModel model, Dependencies d) {
    AuthFlows flows =
        d.signIn()
            .withMfaCodes(new MfaCodeMessages(d.codeSender(), d.codes()))
            .flows(
                new DirectoryAccounts(new UserDirectory(d.users())),
                d.tokens(),
                d.random(),
                new OneTimeSignInCodes(
                    d.codeSender(), new CodeCheck(d.codes(), d.config().limits())),
                d.config().limits().signInAttempts());
    AuthEventLog authEvents = new AuthEventLog(d.authEvents(), d.random());
    ApplePrivateKeys appleKeys = new ApplePrivateKeys(d.signIn().deploymentKeys(), d.random());
    flows.guardedBy(
        new AuditedSignIns(authEvents, new DirectoryAccounts(new UserDirectory(d.users()))));
    AccessTokens accessTokens =
        new AccessTokens(d.tokens().verifier(), d.pools(), d.users(), d.revokedOrigins());
    SignOuts signOuts = new SignOuts(new UserDirectory(d.users()), d.clock());
    UserDirectory directory = new UserDirectory(d.users());
    PublicClients publicClients = new PublicClients(d.lookups());
    CodeCheck codeCheck = new CodeCheck(d.codes(), d.config().limits());
    UserDevices devices = new UserDevices(d.signIn().devices());
    AdminDevices adminDevices = new AdminDevices(d.lookups(), directory);
    DirectoryAccounts accounts = new DirectoryAccounts(directory);
    ChallengeSessions challengeSessions = d.signIn().challengeSessions(d.random());
    SoftwareTokens softwareTokens = d.signIn().softwareTokens(accounts, d.random());
    SoftwareTokenCaller tokenCallers =
        new SoftwareTokenCaller(accessTokens, challengeSessions, d.lookups(), accounts);
    EncryptionKeys samlEncryptionKeys = new EncryptionKeys(d.signIn().deploymentKeys(), d.random());
    return OperationTable.builder(model)
        // pools, clients, tags
        .add("CreateUserPool", new CreateUserPool(d.pools(), d.random(), d.tokens().keys()))
        .add("DescribeUserPool", new DescribeUserPool(d.lookups(), d.users()))
        .add("UpdateUserPool", new UpdateUserPool(d.lookups(), d.pools()))
        .add("DeleteUserPool", new DeleteUserPool(d.lookups(), d.pools()))
        .add("ListUserPools", new ListUserPools(d.pools()))
        .add("AddCustomAttributes", new AddCustomAttributes(d.lookups(), d.pools()))
        .add("GetUserPoolMfaConfig", new GetUserPoolMfaConfig(d.lookups()))
        .add("SetUserPoolMfaConfig", new SetUserPoolMfaConfig(d.lookups(), d.pools()))
        .add("GetCSVHeader", new GetCSVHeader(d.lookups()))
        .add("CreateUserImportJob", new CreateUserImportJob(d.lookups(), d.imports(), d.random()))
        .add("DescribeUserImportJob", new DescribeUserImportJob(d.lookups(), d.imports()))
        .add("ListUserImportJobs", new ListUserImportJobs(d.lookups(), d.imports()))
        .add(
            "StartUserImportJob",
            new StartUserImportJob(
                d.lookups(), d.imports(), new UserDirectory(d.users()), d.random(), d.clock()))
        .add("StopUserImportJob", new StopUserImportJob(d.lookups(), d.imports()))
        .add(
            "CreateUserPoolClient",
            new CreateUserPoolClient(
                d.lookups(), d.clients(), d.oauth().resourceServers(), d.random()))
        .add("DescribeUserPoolClient", new DescribeUserPoolClient(d.lookups()))
        .add(
            "UpdateUserPoolClient",
            new UpdateUserPoolClient(d.lookups(), d.clients(), d.oauth().resourceServers()))
        .add("DeleteUserPoolClient", new DeleteUserPoolClient(d.lookups(), d.clients()))
        .add("ListUserPoolClients", new ListUserPoolClients(d.lookups(), d.clients()))
        .add(
            "AddUserPoolClientSecret",
            new AddUserPoolClientSecret(d.lookups(), d.clients(), d.random()))
        .add("ListUserPoolClientSecrets", new ListUserPoolClientSecrets(d.lookups()))
        .add("DeleteUserPoolClientSecret", new DeleteUserPoolClientSecret(d.lookups(), d.clients()))
        .add("GetLogDeliveryConfiguration", new GetLogDeliveryConfiguration(d.lookups()))
        .add("SetLogDeliveryConfiguration", new SetLogDeliveryConfiguration(d.lookups(), d.pools()))
        .add("SetRiskConfiguration", new SetRiskConfiguration(d.lookups(), d.pools()))
        .add("DescribeRiskConfiguration", new DescribeRiskConfiguration(d.lookups()))
        .add(
            "AdminListUserAuthEvents",
            new AdminListUserAuthEvents(d.lookups(), directory, authEvents))
        .add(
            "AdminUpdateAuthEventFeedback",
            new AdminUpdateAuthEventFeedback(d.lookups(), directory, authEvents))
        .add(
            "UpdateAuthEventFeedback",
            new UpdateAuthEventFeedback(d.lookups(), directory, authEvents))
        .add("CreateTerms", new CreateTerms(d.lookups(), d.terms(), d.random()))
        .add("DescribeTerms", new DescribeTerms(d.lookups(), d.terms()))
        .add("ListTerms", new ListTerms(d.lookups(), d.terms()))
        .add("UpdateTerms", new UpdateTerms(d.lookups(), d.terms()))
        .add("DeleteTerms", new DeleteTerms(d.lookups(), d.terms()))
        .add(
            "CreateManagedLoginBranding",
            new CreateManagedLoginBranding(d.lookups(), d.brandings(), d.random()))
        .add(
            "DescribeManagedLoginBranding",
            new DescribeManagedLoginBranding(d.lookups(), d.brandings()))
        .add(
            "DescribeManagedLoginBrandingByClient",
            new DescribeManagedLoginBrandingByClient(d.lookups(), d.brandings()))
        .add(
            "UpdateManagedLoginBranding",
            new UpdateManagedLoginBranding(d.lookups(), d.brandings()))
        .add(
            "DeleteManagedLoginBranding",
            new DeleteManagedLoginBranding(d.lookups(), d.brandings()))
        .add("TagResource", new TagResource(d.pools()))
        .add("UntagResource", new UntagResource(d.pools()))
        .add("ListTagsForResource", new ListTagsForResource(d.pools()))
        // users
        .add(
            "AdminCreateUser",
            new AdminCreateUser(d.lookups(), directory, d.codeSender(), d.triggers(), d.random()))
        .add("AdminGetUser", new AdminGetUser(d.lookups(), new UserDirectory(d.users())))
        .add("AdminDeleteUser", new AdminDeleteUser(d.lookups(), new UserDirectory(d.users())))
        .add(
            "AdminUpdateUserAttributes",
            new AdminUpdateUserAttributes(
                d.lookups(), directory, new AttributeChanges(directory, d.codeSender())))
        .add(
            "AdminDeleteUserAttributes",
            new AdminDeleteUserAttributes(d.lookups(), new UserDirectory(d.users())))
        .add("AdminDisableUser", new AdminDisableUser(d.lookups(), new UserDirectory(d.users())))
        .add("AdminEnableUser", new AdminEnableUser(d.lookups(), new UserDirectory(d.users())))
        .add(
            "AdminSetUserPassword",
            new AdminSetUserPassword(d.lookups(), new UserDirectory(d.users()), d.random()))
        .add("ListUsers", new ListUsers(d.lookups(), d.users()))
        // groups
        .add("CreateGroup", new CreateGroup(d.lookups(), d.groups()))
        .add("GetGroup", new GetGroup(d.lookups(), d.groups()))
        .add("UpdateGroup", new UpdateGroup(d.lookups(), d.groups()))
        .add("DeleteGroup", new DeleteGroup(d.lookups(), d.groups()))
        .add("ListGroups", new ListGroups(d.lookups(), d.groups()))
        .add(
            "AdminAddUserToGroup",
            new AdminAddUserToGroup(d.lookups(), d.groups(), new UserDirectory(d.users())))
        .add(
            "AdminRemoveUserFromGroup",
            new AdminRemoveUserFromGroup(d.lookups(), d.groups(), new UserDirectory(d.users())))
        .add(
            "AdminListGroupsForUser",
            new AdminListGroupsForUser(d.lookups(), d.groups(), new UserDirectory(d.users())))
        .add("ListUsersInGroup", new ListUsersInGroup(d.lookups(), d.groups(), d.users()))
        // auth
        .add("InitiateAuth", new InitiateAuth(d.lookups(), flows))
        .add("AdminInitiateAuth", new AdminInitiateAuth(d.lookups(), flows))
        .add("RespondToAuthChallenge", new RespondToAuthChallenge(d.lookups(), flows))
        .add("AdminRespondToAuthChallenge", new AdminRespondToAuthChallenge(d.lookups(), flows))
        .add(
            "GetTokensFromRefreshToken",
            new GetTokensFromRefreshToken(
                d.lookups(),
                d.signIn()
                    .refreshTokenExchange(
                        new DirectoryAccounts(directory), d.tokens(), d.random())))
        // token-authorized
        .add("GetUser", new GetUser(accessTokens))
        .add(
            "GetUserAuthFactors",
            new GetUserAuthFactors(accessTokens, d.signIn().passkeySignIn(d.random())))
        .add(
            "ChangePassword",
            new ChangePassword(
                accessTokens,
                new UserDirectory(d.users()),
                d.random(),
                d.config().limits().passwordChangeAttempts(),
                authEvents))
        .add("DeleteUser", new DeleteUser(accessTokens, new UserDirectory(d.users())))
        .add(
            "UpdateUserAttributes",
            new UpdateUserAttributes(
                accessTokens, d.lookups(), new AttributeChanges(directory, d.codeSender())))
        .add(
            "DeleteUserAttributes",
            new DeleteUserAttributes(
                accessTokens, d.lookups(), new AttributeChanges(new UserDirectory(d.users()))))
        .add("GlobalSignOut", new GlobalSignOut(accessTokens, signOuts))
        .add(
            "AdminUserGlobalSignOut",
            new AdminUserGlobalSignOut(d.lookups(), new UserDirectory(d.users()), signOuts))
        .add(
            "RevokeToken",
            new RevokeToken(
                d.lookups(),
                d.signIn().refreshTokens(),
                d.revokedOrigins(),
                new UserDirectory(d.users())))
        // codes
        .add(
            "SignUp",
            new SignUp(
                publicClients, directory, d.codeSender(), d.triggers(), d.random(), authEvents))
        .add("ConfirmSignUp", new ConfirmSignUp(publicClients, directory, codeCheck, d.triggers()))
        .add(
            "ResendConfirmationCode",
            new ResendConfirmationCode(publicClients, directory, d.codeSender(), authEvents))
        .add(
            "AdminConfirmSignUp",
            new AdminConfirmSignUp(d.lookups(), directory, d.codes(), d.triggers()))
        .add(
            "ForgotPassword",
            new ForgotPassword(
                publicClients,
                directory,
                d.codeSender(),
                new UserMigration(d.triggers(), directory, d.random()),
                authEvents))
        .add(
            "ConfirmForgotPassword",
            new ConfirmForgotPassword(
                publicClients, directory, codeCheck, d.triggers(), d.random()))
        .add(
            "AdminResetUserPassword",
            new AdminResetUserPassword(d.lookups(), directory, d.codeSender()))
        .add(
            "GetUserAttributeVerificationCode",
            new GetUserAttributeVerificationCode(accessTokens, d.codeSender()))
        .add("VerifyUserAttribute", new VerifyUserAttribute(accessTokens, directory, codeCheck))
        // devices
        .add("ConfirmDevice", new ConfirmDevice(accessTokens, devices))
        .add("GetDevice", new GetDevice(accessTokens, devices))
        .add("ListDevices", new ListDevices(accessTokens, devices))
        // passkeys
        .add(
            "StartWebAuthnRegistration",
            new StartWebAuthnRegistration(
                accessTokens, d.signIn().passkeys(), d.signIn().registrationChallenges(d.random())))
        .add(
            "CompleteWebAuthnRegistration",
            new CompleteWebAuthnRegistration(
                accessTokens,
                d.signIn().passkeys(),
                d.signIn().registrationChallenges(d.random()),
                new PasskeyCeremonies()))
        .add(
            "ListWebAuthnCredentials",
            new ListWebAuthnCredentials(accessTokens, d.signIn().passkeys()))
        .add(
            "DeleteWebAuthnCredential",
            new DeleteWebAuthnCredential(accessTokens, d.signIn().passkeys()))
        .add("ForgetDevice", new ForgetDevice(accessTokens, devices))
        .add("UpdateDeviceStatus", new UpdateDeviceStatus(accessTokens, devices))
        .add("AdminGetDevice", new AdminGetDevice(adminDevices, devices))
        .add("AdminListDevices", new AdminListDevices(adminDevices, devices))
        .add("AdminForgetDevice", new AdminForgetDevice(adminDevices, devices))
        .add("AdminUpdateDeviceStatus", new AdminUpdateDeviceStatus(adminDevices, devices))
        // MFA
        .add(
            "AssociateSoftwareToken",
            new AssociateSoftwareToken(tokenCallers, softwareTokens, challengeSessions))
        .add(
            "VerifySoftwareToken",
            new VerifySoftwareToken(tokenCallers, softwareTokens, challengeSessions))
        .add(
            "SetUserMFAPreference",
            new SetUserMFAPreference(accessTokens, accounts, d.signIn().passkeySignIn(d.random())))
        .add(
            "AdminSetUserMFAPreference",
            new AdminSetUserMFAPreference(
                d.lookups(), directory, d.signIn().passkeySignIn(d.random())))
        .add("SetUserSettings", new SetUserSettings(accessTokens, accounts))
        .add("AdminSetUserSettings", new AdminSetUserSettings(d.lookups(), directory))
        // identity providers
        .add(
            "AdminLinkProviderForUser",
            new AdminLinkProviderForUser(
                d.lookups(),
                d.identityProviders(),
                new UserDirectory(d.users()),
                d.oauth().federatedLinks()))
        .add(
            "AdminDisableProviderForUser",
            new AdminDisableProviderForUser(
                d.lookups(), new UserDirectory(d.users()), d.oauth().federatedLinks()))
        .add(
            "CreateIdentityProvider",
            new CreateIdentityProvider(
                d.lookups(),
                d.identityProviders(),
                new OidcDiscovery(),
                appleKeys,
                samlEncryptionKeys))
        .add(
            "DescribeIdentityProvider",
            new DescribeIdentityProvider(d.lookups(), d.identityProviders()))
        .add(
            "UpdateIdentityProvider",
            new UpdateIdentityProvider(
                d.lookups(),
                d.identityProviders(),
                new OidcDiscovery(),
                appleKeys,
                samlEncryptionKeys))
        .add(
            "DeleteIdentityProvider",
            new DeleteIdentityProvider(d.lookups(), d.identityProviders()))
        .add("ListIdentityProviders", new ListIdentityProviders(d.lookups(), d.identityProviders()))
        .add(
            "GetIdentityProviderByIdentifier",
            new GetIdentityProviderByIdentifier(d.lookups(), d.identityProviders()))
        .add(
            "GetSigningCertificate",
            new GetSigningCertificate(
                d.lookups(), d.samlCertificates(), new SelfSignedCertificates(d.random())))
        .add("SetUICustomization", new SetUICustomization(d.lookups(), d.uiCustomizations()))
        .add("GetUICustomization", new GetUICustomization(d.lookups(), d.uiCustomizations()))
        // domains and resource servers (OAuth)
        .add("CreateUserPoolDomain", new CreateUserPoolDomain(d.lookups(), d.oauth().domains()))
        .add("DescribeUserPoolDomain", new DescribeUserPoolDomain(d.oauth().domains()))
        .add("UpdateUserPoolDomain", new UpdateUserPoolDomain(d.lookups(), d.oauth().domains()))
        .add("DeleteUserPoolDomain", new DeleteUserPoolDomain(d.lookups(), d.oauth().domains()))
        .add(
            "CreateResourceServer",
            new CreateResourceServer(d.lookups(), d.oauth().resourceServers()))
        .add(
            "DescribeResourceServer",
            new DescribeResourceServer(d.lookups(), d.oauth().resourceServers()))
        .add(
            "UpdateResourceServer",
            new UpdateResourceServer(d.lookups(), d.oauth().resourceServers()))
        .add(
            "DeleteResourceServer",
            new DeleteResourceServer(d.lookups(), d.oauth().resourceServers()))
        .add(
            "ListResourceServers",
            new ListResourceServers(d.lookups(), d.oauth().resourceServers()))
        .build();
  }
}
