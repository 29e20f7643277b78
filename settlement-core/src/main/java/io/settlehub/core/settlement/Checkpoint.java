package io.settlehub.core.settlement;

import java.util.Map;

/**
 * Where a client's derivation stands after all its facts so far: the latest sale, price adjustment or return in
 * business order ({@code frontier}, null before the first), the units left in each lot after them, and whether any
 * marketplace payout came without its orders (such a payout is spread over all open orders, so it cannot be
 * continued order by order); {@code referenceVersion} names the reference data (rates, VAT) it was derived with: a
 * checkpoint is continued only under the same reference data, since a parked sale's reason may depend on it.
 */
public record Checkpoint(BusinessKey frontier, Map<String, Integer> lotRemaining, boolean unlistedPayouts, String referenceVersion) {

    public Checkpoint {
        lotRemaining = Map.copyOf(lotRemaining);
    }

    public Checkpoint withReferenceVersion(String version) {
        return new Checkpoint(frontier, lotRemaining, unlistedPayouts, version);
    }
}
