package io.settlehub.core.settlement;

import java.util.Set;

/**
 * The ledger components a continuation compares with its derivation, for one client: every component of some orders
 * (all that lie under each order's scope, {@code order/<source>/<orderId>/}, whatever their part) and single components
 * named whole (a charge without an order, a payout). Reading an order by its scope costs one index range, not one probe
 * per part it may have.
 */
public record ComponentSelection(Set<String> orderScopes, Set<String> keys) {

    public ComponentSelection {
        orderScopes = Set.copyOf(orderScopes);
        keys = Set.copyOf(keys);
        for (String scope : orderScopes) {
            if (!scope.endsWith("/")) {
                throw new IllegalArgumentException("an order scope ends with '/': " + scope);
            }
        }
    }

    /** Whether the component is one this selection reads. */
    public boolean covers(String componentKey) {
        if (keys.contains(componentKey)) {
            return true;
        }
        // an order's part may itself hold '/' (goods/<supplier>): any '/' of the key may end its scope
        for (int slash = componentKey.indexOf('/'); slash >= 0; slash = componentKey.indexOf('/', slash + 1)) {
            if (orderScopes.contains(componentKey.substring(0, slash + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The greatest key under a scope, as an inclusive bound of a range compared byte by byte: the scope with its closing
     * '/' raised to '0', the next character. Every key starting with the scope sorts between the two, and nothing else but
     * the bound itself, which is no component's key (an order's components all have a part after its scope).
     */
    public static String upperBound(String scope) {
        return scope.substring(0, scope.length() - 1) + "0";
    }
}
