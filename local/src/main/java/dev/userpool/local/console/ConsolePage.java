package dev.userpool.local.console;

import dev.userpool.delivery.OutgoingMessage;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.Group;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.local.console.ConsoleSnapshot.PoolEntry;
import dev.userpool.local.console.ConsoleSnapshot.UserEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link ConsoleSnapshot} as one HTML page: a table of contents, then per pool its
 * settings, app clients, users and groups, then the outbox. Plain HTML and an inline style sheet;
 * every value goes through {@link HtmlWriter}, which escapes it.
 */
final class ConsolePage {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final String STYLE =
      """
      body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#1b1f24}
      h1{font-size:1.4em;margin:0 0 .2em} h2{font-size:1.2em;margin:1.6em 0 .3em;border-bottom:1px solid #ccd}
      h3{font-size:1em;margin:1em 0 .3em} .muted{color:#667} code{font:12px/1.3 ui-monospace,monospace}
      table{border-collapse:collapse;margin:.3em 0 1em} th,td{border:1px solid #d5d8de;padding:.25em .5em;
      text-align:left;vertical-align:top} th{background:#f2f4f7} ul.attrs{margin:0;padding-left:1em}
      .code{font:bold 15px ui-monospace,monospace;background:#fff6d6;padding:0 .3em}
      dl{display:grid;grid-template-columns:max-content auto;gap:.1em 1em;margin:.3em 0} dt{color:#556}
      dd{margin:0} pre{white-space:pre-wrap;margin:0;font:12px/1.3 ui-monospace,monospace}
      """;

  private ConsolePage() {}

  static String render(ConsoleSnapshot snapshot) {
    HtmlWriter html = new HtmlWriter();
    html.markup("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .element("title", "Userpool local console")
        .markup("<style>" + STYLE + "</style></head><body>");
    html.element("h1", "Userpool local console");
    html.open("p", "class", "muted")
        .text(
            "Read at "
                + TIME.format(snapshot.takenAt())
                + ". Reload to refresh. The same data as JSON: ")
        .element("a", "href", "/_local/messages", "/_local/messages")
        .text(" (outbox).")
        .close("p");
    contents(html, snapshot);
    for (PoolEntry entry : snapshot.pools()) {
      pool(html, entry);
    }
    outbox(html, snapshot);
    html.markup("</body></html>");
    return html.toString();
  }

  private static void contents(HtmlWriter html, ConsoleSnapshot snapshot) {
    html.element(
        "h2", "User pools (" + snapshot.pools().size() + (snapshot.morePools() ? "+" : "") + ")");
    if (snapshot.pools().isEmpty()) {
      html.element(
          "p",
          "No user pools yet: create one with aws cognito-idp create-user-pool"
              + " --endpoint-url <this server> --pool-name demo.");
      return;
    }
    html.open("ul");
    for (PoolEntry entry : snapshot.pools()) {
      UserPool pool = entry.pool();
      html.open("li")
          .element("a", "href", "#" + anchor(pool.id()), pool.name())
          .text(" — " + pool.id() + ", " + entry.userCount() + " user(s)")
          .close("li");
    }
    html.close("ul");
    if (snapshot.morePools()) {
      html.element("p", "Only the first " + ConsoleSnapshot.MAX_POOLS + " pools are shown.");
    }
    html.open("p")
        .element("a", "href", "#outbox", "Outbox (" + snapshot.keptMessages() + " message(s))")
        .close("p");
  }

  private static void pool(HtmlWriter html, PoolEntry entry) {
    UserPool pool = entry.pool();
    html.open("section", "id", anchor(pool.id()));
    html.element("h2", "Pool " + pool.name());
    html.open("dl");
    definition(html, "Id", pool.id());
    definition(html, "ARN", pool.arn());
    definition(html, "Created", time(pool.creationDate()));
    definition(html, "Username attributes", list(pool.view().usernameAttributes()));
    definition(html, "Alias attributes", list(pool.view().aliasAttributes()));
    definition(html, "Auto-verified attributes", list(pool.view().autoVerifiedAttributes()));
    definition(html, "Users", String.valueOf(entry.userCount()));
    html.close("dl");
    clients(html, entry);
    users(html, entry);
    groups(html, entry);
    html.close("section");
  }

  private static void clients(HtmlWriter html, PoolEntry entry) {
    html.element("h3", "App clients");
    if (entry.clients().isEmpty()) {
      html.element("p", "None.");
      return;
    }
    html.open("table")
        .open("tr")
        .element("th", "Name")
        .element("th", "Client id")
        .element("th", "Secret")
        .element("th", "Explicit auth flows")
        .close("tr");
    for (AppClient client : entry.clients()) {
      html.open("tr")
          .element("td", client.clientName())
          .open("td")
          .element("code", client.clientId())
          .close("td")
          .element("td", client.hasSecret() ? "yes (not shown)" : "no")
          .element("td", list(client.settings().get("ExplicitAuthFlows")))
          .close("tr");
    }
    html.close("table");
    if (entry.moreClients()) {
      html.element("p", "Only the first " + ConsoleSnapshot.MAX_CLIENTS + " clients are shown.");
    }
  }

  private static void users(HtmlWriter html, PoolEntry entry) {
    html.element("h3", "Users");
    if (entry.users().isEmpty()) {
      html.element("p", "None.");
      return;
    }
    html.open("table")
        .open("tr")
        .element("th", "Username")
        .element("th", "Status")
        .element("th", "Enabled")
        .element("th", "Attributes")
        .element("th", "Groups")
        .element("th", "Created")
        .close("tr");
    for (UserEntry row : entry.users()) {
      User user = row.user();
      html.open("tr")
          .element("td", user.username())
          .element("td", user.status().name())
          .element("td", user.enabled() ? "yes" : "no");
      html.open("td").open("ul", "class", "attrs");
      for (Map.Entry<String, String> attribute : user.attributes().entrySet()) {
        html.open("li")
            .element("code", attribute.getKey())
            .text(" = " + attribute.getValue())
            .close("li");
      }
      html.close("ul").close("td");
      html.element("td", String.join(", ", row.groupNames()))
          .element("td", time(user.creationDate()))
          .close("tr");
    }
    html.close("table");
    if (entry.userCount() > entry.users().size()) {
      html.element(
          "p",
          "The first " + entry.users().size() + " of " + entry.userCount() + " users are shown.");
    }
  }

  private static void groups(HtmlWriter html, PoolEntry entry) {
    html.element("h3", "Groups");
    if (entry.groups().isEmpty()) {
      html.element("p", "None.");
      return;
    }
    html.open("table")
        .open("tr")
        .element("th", "Name")
        .element("th", "Precedence")
        .element("th", "Description")
        .element("th", "Role ARN")
        .close("tr");
    for (Group group : entry.groups()) {
      html.open("tr")
          .element("td", group.name())
          .element("td", group.precedence() == null ? "" : String.valueOf(group.precedence()))
          .element("td", group.description())
          .element("td", group.roleArn())
          .close("tr");
    }
    html.close("table");
    if (entry.moreGroups()) {
      html.element("p", "Only the first " + ConsoleSnapshot.MAX_GROUPS + " groups are shown.");
    }
  }

  private static void outbox(HtmlWriter html, ConsoleSnapshot snapshot) {
    html.open("section", "id", "outbox");
    html.element("h2", "Outbox (" + snapshot.keptMessages() + " message(s), newest first)");
    if (snapshot.receivedMessages() > snapshot.keptMessages()) {
      html.element(
          "p",
          snapshot.receivedMessages()
              + " messages were received since the outbox was last cleared;"
              + " it keeps the newest "
              + snapshot.keptMessages()
              + " (--outbox-size).");
    }
    if (snapshot.messages().isEmpty()) {
      html.element(
          "p",
          "No messages yet. Verification codes, invitations and password-reset codes land here.");
    } else {
      html.open("table")
          .open("tr")
          .element("th", "Time")
          .element("th", "Pool")
          .element("th", "Username")
          .element("th", "Medium")
          .element("th", "Destination")
          .element("th", "Trigger")
          .element("th", "Code")
          .element("th", "Message")
          .close("tr");
      for (OutgoingMessage m : snapshot.messages()) {
        html.open("tr")
            .element("td", time(m.timestamp()))
            .element("td", m.userPoolId())
            .element("td", m.username())
            .element("td", m.medium().name())
            .element("td", m.destination())
            .element("td", m.triggerSource())
            .open("td")
            .element("span", "class", "code", m.code())
            .close("td");
        html.open("td");
        if (m.subject() != null && !m.subject().isEmpty()) {
          html.element("strong", m.subject());
        }
        html.element("pre", m.body()).close("td").close("tr");
      }
      html.close("table");
      if (snapshot.keptMessages() > snapshot.messages().size()) {
        html.element("p", "The newest " + snapshot.messages().size() + " are shown.");
      }
    }
    html.close("section");
  }

  private static void definition(HtmlWriter html, String term, String value) {
    html.element("dt", term).element("dd", value);
  }

  private static String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  /** A JSON-like list member (strings) as "a, b"; a missing member as "—". */
  private static String list(Object value) {
    if (value instanceof List<?> items && !items.isEmpty()) {
      return String.join(", ", items.stream().map(String::valueOf).toList());
    }
    return "—";
  }

  /**
   * An element id for a pool: its id, which is already [\w-]+_[0-9a-zA-Z]+ (escaped all the same).
   */
  private static String anchor(String poolId) {
    return "pool-" + poolId;
  }
}
