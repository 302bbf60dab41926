package dev.userpool.store.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.IdentityProvider;
import dev.userpool.domain.Page;
import dev.userpool.domain.SamlSigningCertificate;
import dev.userpool.domain.UiCustomization;
import dev.userpool.store.IdentityProviderStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.UiCustomizationStore;
import dev.userpool.store.table.ItemTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contracts of {@link IdentityProviderStore} and {@link UiCustomizationStore}, run on every
 * backend.
 */
public abstract class IdentityProviderStoreContract {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123Z");
  private static final String POOL = "us-east-1_IDP";

  protected abstract ItemTable newTable();

  private IdentityProviderStore providers;
  private UiCustomizationStore ui;
  private ItemSamlSigningCertificateStore certificates;

  @BeforeEach
  void stores() {
    ItemTable table = newTable();
    providers = new ItemIdentityProviderStore(table);
    ui = new ItemUiCustomizationStore(table);
    certificates = new ItemSamlSigningCertificateStore(table);
  }

  static IdentityProvider provider(String name, String... identifiers) {
    return new IdentityProvider(
        POOL,
        name,
        "OIDC",
        Map.of("client_id", "c-" + name, "oidc_issuer", "https://i"),
        Map.of("email", "email"),
        List.of(identifiers),
        T0,
        T0,
        0);
  }

  @Test
  void whenProviderIsCreatedThenItReadsBackByNameAndByEveryIdentifier() {
    assertTrue(providers.create(provider("Corp", "corp.example", "corp")));

    IdentityProvider read = providers.find(POOL, "Corp").orElseThrow();
    assertEquals("OIDC", read.type());
    assertEquals("c-Corp", read.details().get("client_id"));
    assertEquals(Map.of("email", "email"), read.attributeMapping());
    assertEquals(List.of("corp.example", "corp"), read.idpIdentifiers());
    assertEquals(T0, read.creationDate());
    assertEquals("Corp", providers.findByIdentifier(POOL, "corp").orElseThrow().name());
    assertTrue(providers.find("us-east-1_OTHER", "Corp").isEmpty());
    assertTrue(providers.findByIdentifier(POOL, "nope").isEmpty());
  }

  @Test
  void whenNameOrIdentifierIsTakenThenCreateWritesNothing() {
    assertTrue(providers.create(provider("Corp", "corp")));

    assertFalse(providers.create(provider("Corp", "other")));
    assertFalse(providers.create(provider("Second", "fresh", "corp")));

    assertTrue(providers.findByIdentifier(POOL, "other").isEmpty());
    assertTrue(providers.findByIdentifier(POOL, "fresh").isEmpty());
    assertTrue(providers.find(POOL, "Second").isEmpty());
  }

  @Test
  void whenIdentifiersChangeThenOldOnesAreFreedAndTakenOnesRefused() {
    providers.create(provider("Corp", "a", "b"));
    providers.create(provider("Other", "x"));
    IdentityProvider before = providers.find(POOL, "Corp").orElseThrow();

    assertFalse(providers.update(before, provider("Corp", "a", "x")));
    assertTrue(providers.update(before, provider("Corp", "b", "c")));

    assertTrue(providers.findByIdentifier(POOL, "a").isEmpty());
    assertEquals("Corp", providers.findByIdentifier(POOL, "c").orElseThrow().name());
    assertTrue(providers.create(provider("Third", "a")));
    assertThrows(StaleWriteException.class, () -> providers.update(before, provider("Corp", "d")));
  }

  @Test
  void whenProviderIsDeletedThenItsIdentifiersAreFree() {
    providers.create(provider("Corp", "corp"));

    providers.delete(providers.find(POOL, "Corp").orElseThrow());
    providers.delete(provider("Corp"));

    assertTrue(providers.find(POOL, "Corp").isEmpty());
    assertTrue(providers.create(provider("New", "corp")));
  }

  @Test
  void whenListedThenPagesFollowNameOrder() {
    for (String name : List.of("c", "a", "d", "b", "e")) {
      providers.create(provider(name, name + ".example"));
    }

    Page<IdentityProvider> first = providers.list(POOL, 2, null);
    Page<IdentityProvider> second = providers.list(POOL, 2, first.nextToken());
    Page<IdentityProvider> last = providers.list(POOL, 2, second.nextToken());

    assertEquals(List.of("a", "b"), first.items().stream().map(IdentityProvider::name).toList());
    assertEquals(List.of("c", "d"), second.items().stream().map(IdentityProvider::name).toList());
    assertEquals(List.of("e"), last.items().stream().map(IdentityProvider::name).toList());
    assertNull(last.nextToken());
  }

  @Test
  void whenUiCustomizationIsStoredThenItReadsBackPerClient() {
    byte[] logo = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
    ui.put(
        new UiCustomization(
            POOL, UiCustomization.ALL, ".logo-customizable {max-width: 60%;}", logo, T0, T0));
    ui.put(new UiCustomization(POOL, "client1", null, null, T0, T0.plusSeconds(5)));

    UiCustomization all = ui.find(POOL, UiCustomization.ALL).orElseThrow();
    assertEquals(".logo-customizable {max-width: 60%;}", all.css());
    assertTrue(java.util.Arrays.equals(logo, all.image()));
    UiCustomization client = ui.find(POOL, "client1").orElseThrow();
    assertNull(client.css());
    assertNull(client.image());
    assertEquals(T0.plusSeconds(5), client.lastModifiedDate());

    ui.delete(POOL, "client1");
    assertTrue(ui.find(POOL, "client1").isEmpty());
    assertTrue(ui.find(POOL, UiCustomization.ALL).isPresent());
  }

  @Test
  void whenCertificateExistsThenLaterCallersGetTheStoredOneAndNeverAFreshOne() {
    SamlSigningCertificate first = new SamlSigningCertificate(new byte[] {1, 2, 3}, "cHJpdmF0ZQ==");

    SamlSigningCertificate created = certificates.getOrCreate(POOL, () -> first);
    SamlSigningCertificate again =
        certificates.getOrCreate(
            POOL,
            () -> {
              throw new AssertionError("a pool's certificate is created once");
            });

    assertTrue(java.util.Arrays.equals(new byte[] {1, 2, 3}, created.certificateDer()));
    assertTrue(java.util.Arrays.equals(new byte[] {1, 2, 3}, again.certificateDer()));
    assertEquals("cHJpdmF0ZQ==", again.privateKeyPkcs8());
    SamlSigningCertificate other =
        certificates.getOrCreate(
            "us-east-1_OTHER", () -> new SamlSigningCertificate(new byte[] {9}, "b3RoZXI="));
    assertEquals(9, other.certificateDer()[0]);
  }
}
