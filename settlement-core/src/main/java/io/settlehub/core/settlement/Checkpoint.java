package io.settlehub.core.settlement;

import java.util.List;
import java.util.Map;

/**
 * Where a client's derivation stands after all its facts so far: the latest sale, price adjustment or return in
 * business order ({@code frontier}, null before the first), the lots with their unit costs and the units left in each
 * after them, which receipt each customs declaration clears, and whether any
 * marketplace payout came without its orders (such a payout is spread over all open orders, so it cannot be
 * continued order by order); {@code referenceVersion} names the reference data (rates, VAT) it was derived with: a
 * checkpoint is continued only under the same reference data, since a parked sale's reason may depend on it.
 */
public record Checkpoint(BusinessKey frontier, List<StoredLot> lots, Map<String, String> declarations, boolean unlistedPayouts,
                         String referenceVersion) {

    public Checkpoint {
        lots = List.copyOf(lots);
        declarations = Map.copyOf(declarations);
    }

    public Checkpoint withReferenceVersion(String version) {
        return new Checkpoint(frontier, lots, declarations, unlistedPayouts, version);
    }

    /** The suppliers of the client's lots: whose goods an order's components can name. */
    public java.util.Set<String> suppliers() {
        java.util.Set<String> suppliers = new java.util.TreeSet<>();
        lots.forEach(l -> suppliers.add(l.supplierId()));
        return suppliers;
    }
}
