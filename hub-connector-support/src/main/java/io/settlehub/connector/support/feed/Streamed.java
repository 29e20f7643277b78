package io.settlehub.connector.support.feed;

import java.time.Instant;

/** What one streamed read of one account handed on: how many records it read, events and unmapped records it published. */
public record Streamed<W>(long records, long events, long unmapped, W next, Instant readUpTo) {
}
