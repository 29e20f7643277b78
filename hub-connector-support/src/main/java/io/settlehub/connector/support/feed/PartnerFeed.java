package io.settlehub.connector.support.feed;

/**
 * A partner's feed as the connector kit polls it: for each account due, fetch what is new since the account's
 * watermark, and — only once everything fetched was published — commit the watermark the fetch reached. The kit's
 * route ({@link PartnerFeedRouteBuilder#poll}) does the polling, publishing, counting and logging for every feed; a feed
 * is the partner's client, its mapper and where it keeps its watermark.
 *
 * @param <A> an account at the partner (a seller account, an infobase, the central bank's one feed)
 * @param <W> where the next fetch resumes (a date, a cursor, a record of several)
 */
public interface PartnerFeed<A, W> extends FeedAccounts<A> {

    /** What is new for the account since its watermark; nothing is saved. */
    Fetched<W> fetch(A account);

    /** Keeps where the next fetch of the account resumes. */
    void commit(A account, W next);
}
