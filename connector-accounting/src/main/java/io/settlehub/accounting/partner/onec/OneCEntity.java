package io.settlehub.accounting.partner.onec;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A document as 1C will hold it: the entity set it belongs to, its fields in 1C's names, and the comment that marks it
 * as the hub's ({@code settlehub:<documentId>}), by which it is found again.
 */
public record OneCEntity(String entitySet, ObjectNode body, String marker) {
}
