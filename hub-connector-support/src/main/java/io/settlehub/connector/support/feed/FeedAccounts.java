package io.settlehub.connector.support.feed;

import java.util.List;

/** What every polled feed tells the kit: its name, the accounts to poll, and whose each account is. */
public interface FeedAccounts<A> {

    /** The feed's name in metrics and logs ({@code ozon}, {@code cbr}). */
    String name();

    /** The accounts to poll this round. */
    List<A> accounts();

    /**
     * The hub client an account belongs to, for metrics and logs: a {@link PartnerAccount}'s client, else the account as
     * text (a feed of reference data for every client names its one account {@code reference-data}).
     */
    default String clientOf(A account) {
        return account instanceof PartnerAccount owned ? owned.clientId() : String.valueOf(account);
    }
}
