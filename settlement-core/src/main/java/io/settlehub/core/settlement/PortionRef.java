package io.settlehub.core.settlement;

/** Units a sale line took from one lot, the lot named by its id ({@code <receipt event id>#<line index>}). */
public record PortionRef(String lotId, int quantity) {
}
