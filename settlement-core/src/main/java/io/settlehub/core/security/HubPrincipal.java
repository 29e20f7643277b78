package io.settlehub.core.security;

/**
 * Who is calling: an operator (every client) or a client user or token (only {@code clientId}'s data). {@code name}
 * is what the audit log records: a username, or {@code token:<tokenId>}.
 */
public record HubPrincipal(String name, Role role, String clientId) {

    public enum Role { OPERATOR, CLIENT }

    public HubPrincipal {
        if (role == Role.CLIENT && (clientId == null || clientId.isBlank())) {
            throw new IllegalArgumentException("a client principal needs its clientId");
        }
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    /** Whether this caller may see the client's data. */
    public boolean mayAccess(String client) {
        return isOperator() || clientId.equals(client);
    }
}
