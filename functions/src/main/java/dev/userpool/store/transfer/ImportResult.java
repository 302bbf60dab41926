package dev.userpool.store.transfer;

import java.util.List;

/**
 * What an import did.
 *
 * @param written items written now
 * @param alreadyPresent items the target already held with the same content (a re-run after an
 *     interruption)
 * @param expired items that expired since the export, not written
 * @param targetKeysKept deployment keys skipped because the target keeps its own
 * @param conflictCount items the target holds with other content, left as the target has them
 * @param conflicts the keys of the first of those (at most 20)
 */
public record ImportResult(
    long written,
    long alreadyPresent,
    long expired,
    long targetKeysKept,
    long conflictCount,
    List<String> conflicts) {}
