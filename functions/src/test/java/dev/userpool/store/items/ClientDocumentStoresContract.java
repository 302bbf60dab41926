package dev.userpool.store.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.ManagedLoginBranding;
import dev.userpool.domain.Page;
import dev.userpool.domain.Terms;
import dev.userpool.store.ClientSlotTakenException;
import dev.userpool.store.ManagedLoginBrandingStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.TermsStore;
import dev.userpool.store.table.ItemTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the per-client document stores (terms, managed login branding) on every backend.
 */
public abstract class ClientDocumentStoresContract {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123Z");
  private static final String POOL = "us-east-1_DOC";

  protected abstract ItemTable newTable();

  private TermsStore terms;
  private ManagedLoginBrandingStore brandings;

  @BeforeEach
  void stores() {
    ItemTable table = newTable();
    terms = new ItemTermsStore(table);
    brandings = new ItemManagedLoginBrandingStore(table);
  }

  private static Terms terms(String id, String client, String name) {
    return new Terms(
        POOL,
        id,
        client,
        name,
        "LINK",
        "NONE",
        Map.of("cognito:default", "https://x/" + id),
        T0,
        T0,
        0);
  }

  @Test
  void whenTermsAreCreatedThenFoundListedAndOneNamePerClient() {
    terms.create(terms("id-1", "c1", "terms-of-use"));
    terms.create(terms("id-2", "c1", "privacy-policy"));
    terms.create(terms("id-3", "c2", "terms-of-use"));

    assertThrows(
        ClientSlotTakenException.class, () -> terms.create(terms("id-4", "c1", "terms-of-use")));
    assertTrue(terms.find(POOL, "id-4").isEmpty());
    Terms read = terms.find(POOL, "id-1").orElseThrow();
    assertEquals(terms("id-1", "c1", "terms-of-use").links(), read.links());
    assertEquals("c1", read.clientId());
    assertEquals(T0, read.creationDate());
    Page<Terms> first = terms.list(POOL, 2, null);
    assertEquals(List.of("id-1", "id-2"), first.items().stream().map(Terms::termsId).toList());
    Page<Terms> second = terms.list(POOL, 2, first.nextToken());
    assertEquals(List.of("id-3"), second.items().stream().map(Terms::termsId).toList());
    assertNull(second.nextToken());
  }

  @Test
  void whenTermsAreRenamedThenTheClaimMovesAndATakenNameOrStaleCopyIsRefused() {
    terms.create(terms("id-1", "c1", "terms-of-use"));
    terms.create(terms("id-2", "c1", "privacy-policy"));
    Terms first = terms.find(POOL, "id-1").orElseThrow();

    assertThrows(
        ClientSlotTakenException.class,
        () -> terms.update(first, terms("id-1", "c1", "privacy-policy")));
    Terms renamed =
        terms.update(
            first,
            new Terms(
                POOL,
                "id-1",
                "c1",
                "terms-of-use",
                "LINK",
                "NONE",
                Map.of("cognito:french", "https://x/fr"),
                T0,
                T0.plusSeconds(5),
                0));
    assertEquals(first.version() + 1, renamed.version());
    assertEquals(
        Map.of("cognito:french", "https://x/fr"), terms.find(POOL, "id-1").orElseThrow().links());
    assertThrows(StaleWriteException.class, () -> terms.update(first, first));

    terms.delete(terms.find(POOL, "id-2").orElseThrow());
    Terms current = terms.find(POOL, "id-1").orElseThrow();
    terms.update(
        current,
        new Terms(
            POOL,
            "id-1",
            "c1",
            "privacy-policy",
            "LINK",
            "NONE",
            current.links(),
            T0,
            T0,
            current.version()));
    terms.create(terms("id-5", "c1", "terms-of-use")); // the old name is free again
    assertEquals("privacy-policy", terms.find(POOL, "id-1").orElseThrow().termsName());
  }

  @Test
  void whenABrandingStyleIsCreatedThenOnePerClientFoundByIdAndClientUntilDeleted() {
    ManagedLoginBranding style =
        new ManagedLoginBranding(
            POOL,
            "b-1",
            "c1",
            false,
            Map.of("colors", "dark"),
            List.of(
                Map.of(
                    "Category",
                    "PAGE_HEADER_LOGO",
                    "ColorMode",
                    "LIGHT",
                    "Extension",
                    "PNG",
                    "Bytes",
                    "AAEC")),
            T0,
            T0,
            0);
    brandings.create(style);

    assertThrows(
        ClientSlotTakenException.class,
        () ->
            brandings.create(
                new ManagedLoginBranding(POOL, "b-2", "c1", true, null, List.of(), T0, T0, 0)));
    assertTrue(brandings.find(POOL, "b-2").isEmpty());
    ManagedLoginBranding read = brandings.find(POOL, "b-1").orElseThrow();
    assertEquals(style.assets(), read.assets());
    assertEquals(style.settings(), read.settings());
    assertEquals(read, brandings.findByClient(POOL, "c1").orElseThrow());
    ManagedLoginBranding updated =
        brandings.update(
            new ManagedLoginBranding(
                POOL, "b-1", "c1", true, null, List.of(), T0, T0.plusSeconds(1), read.version()));
    assertEquals(read.version() + 1, updated.version());
    assertThrows(StaleWriteException.class, () -> brandings.update(read));
    brandings.delete(updated);
    assertTrue(brandings.findByClient(POOL, "c1").isEmpty());
    brandings.create(new ManagedLoginBranding(POOL, "b-3", "c1", true, null, List.of(), T0, T0, 0));
  }
}
