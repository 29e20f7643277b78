package io.settlehub.connector.support.feed;

import java.util.function.Consumer;

/**
 * A feed whose answer is too large to hold (a report of millions of rows): {@link #stream} hands each canonical event
 * or unmapped record to the sink as it reads it — the kit publishes it there and then, and a publish the broker refuses
 * throws out of the sink — and only once the whole answer was published does the kit {@link #commit} the watermark
 * ({@link PartnerFeedRouteBuilder#stream}).
 */
public interface StreamingPartnerFeed<A, W> extends FeedAccounts<A> {

    /** Reads what is new for the account since its watermark, handing each event or unmapped record to {@code sink}. */
    Streamed<W> stream(A account, Consumer<Object> sink);

    /** Keeps where the next read of the account resumes. */
    void commit(A account, W next);
}
