package dev.userpool.oauth.saml;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The LogoutRequest single logout sends with the HTTP-Redirect binding (SAML 2.0 core §3.7.1): our
 * SP entity as Issuer, the NameID (with its Format) and the SessionIndex of the sign-in.
 */
final class LogoutRequests {
  private LogoutRequests() {}

  static String xml(
      String requestId, Instant now, String destination, String issuer, SamlSession session) {
    StringBuilder xml =
        new StringBuilder(
                "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                    + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"")
            .append(AuthnRequests.escape(requestId))
            .append("\" Version=\"2.0\" IssueInstant=\"")
            .append(now.truncatedTo(ChronoUnit.SECONDS))
            .append("\" Destination=\"")
            .append(AuthnRequests.escape(destination))
            .append("\"><saml:Issuer>")
            .append(AuthnRequests.escape(issuer))
            .append("</saml:Issuer><saml:NameID");
    if (session.nameIdFormat() != null) {
      xml.append(" Format=\"").append(AuthnRequests.escape(session.nameIdFormat())).append('"');
    }
    xml.append('>').append(AuthnRequests.escape(session.nameId())).append("</saml:NameID>");
    if (session.sessionIndex() != null) {
      xml.append("<samlp:SessionIndex>")
          .append(AuthnRequests.escape(session.sessionIndex()))
          .append("</samlp:SessionIndex>");
    }
    return xml.append("</samlp:LogoutRequest>").toString();
  }
}
