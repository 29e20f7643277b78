package io.settlehub.core.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, and the checks controllers make where the client is not in the path. */
public final class Callers {

    private Callers() {
    }

    public static HubPrincipal current() {
        HubPrincipal caller = currentOrNull();
        if (caller == null) {
            throw new AccessDeniedException("not authenticated");
        }
        return caller;
    }

    /** The authenticated caller, or null for an anonymous request. */
    public static HubPrincipal currentOrNull() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Object principal = authentication == null ? null : authentication.getPrincipal();
        if (principal instanceof HubPrincipal hub) {
            return hub;
        }
        return principal instanceof UserLogins.HubUser user ? user.principal() : null;
    }

    /** 403 unless the caller may see this client's data. */
    public static void requireClient(String clientId) {
        if (clientId == null || !current().mayAccess(clientId)) {
            throw new AccessDeniedException("no access to client " + clientId);
        }
    }

    /** Who the audit log names: the caller, or "system" for scheduled work. */
    public static String name() {
        HubPrincipal caller = currentOrNull();
        return caller == null ? "system" : caller.name();
    }
}
