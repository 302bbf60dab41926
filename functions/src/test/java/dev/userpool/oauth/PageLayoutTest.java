package dev.userpool.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.UiCustomization;
import dev.userpool.store.UiCustomizationStore;
import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.items.ItemDomainStore;
import dev.userpool.store.items.ItemManagedLoginBrandingStore;
import dev.userpool.store.items.ItemUserPoolStore;
import dev.userpool.store.table.ItemTable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageLayoutTest {
  /** A map-backed store: the layout only reads. */
  private static final class Customizations implements UiCustomizationStore {
    final Map<String, UiCustomization> byKey = new HashMap<>();

    @Override
    public void put(UiCustomization c) {
      byKey.put(c.userPoolId() + "/" + c.clientId(), c);
    }

    @Override
    public Optional<UiCustomization> find(String poolId, String clientId) {
      return Optional.ofNullable(byKey.get(poolId + "/" + clientId));
    }

    @Override
    public void delete(String poolId, String clientId) {
      byKey.remove(poolId + "/" + clientId);
    }
  }

  /** A layout over empty pool, domain and branding stores: every pool gets the classic UI. */
  private static PageLayout classic(UiCustomizationStore store) {
    ItemTable table = EmbeddedItemTable.inMemory(Clock.systemUTC());
    return new PageLayout(
        store,
        new LoginGeneration(new ItemUserPoolStore(table), new ItemDomainStore(table)),
        new ItemManagedLoginBrandingStore(table));
  }

  private static String html(PageLayout layout, String clientId) {
    return new String(
        layout.page(200, "pool", clientId, "Sign in", "<p>body</p>", null).body(),
        StandardCharsets.UTF_8);
  }

  @Test
  void whenTheCssHoldsAClosingStyleTagThenItCannotLeaveTheStyleElement() {
    Customizations store = new Customizations();
    store.put(
        new UiCustomization(
            "pool",
            UiCustomization.ALL,
            ".banner-customizable { background: url(\"</style><img src=x onerror=alert(1)>\"); }",
            null,
            Instant.EPOCH,
            Instant.EPOCH));
    String page = html(classic(store), "client");
    assertFalse(page.contains("</style><img"), page);
    assertTrue(page.contains("url(\"\\3c /style>\\3c img src=x onerror=alert(1)>\")"), page);
  }

  @Test
  void whenTheClientHasItsOwnCustomizationThenThePoolsIsNotUsed() {
    Customizations store = new Customizations();
    store.put(
        new UiCustomization(
            "pool", UiCustomization.ALL, ".label-customizable{color:red}", null, null, null));
    store.put(
        new UiCustomization("pool", "mine", ".label-customizable{color:blue}", null, null, null));
    PageLayout layout = classic(store);
    assertTrue(html(layout, "mine").contains("color:blue"));
    assertFalse(html(layout, "mine").contains("color:red"));
    assertTrue(html(layout, "other").contains("color:red"));
    assertFalse(html(layout, null).contains("ui-customization\">.label-customizable{color:blue"));
  }

  @Test
  void theLogoIsADataUriOnlyForPngAndJpeg() {
    assertEquals(
        "data:image/png;base64,iVBORw==",
        PageLayout.dataUri(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
    assertEquals(
        "data:image/jpeg;base64,/9j/4A==",
        PageLayout.dataUri(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}));
    assertNull(PageLayout.dataUri("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)));
    assertNull(PageLayout.dataUri(null));
  }
}
