package io.settlehub.carrier.feed;

import io.settlehub.carrier.config.CdekProperties;
import io.settlehub.carrier.config.CdekProperties.Account;
import io.settlehub.carrier.mapping.CdekCostMapper;
import io.settlehub.carrier.partner.cdek.CdekClient;
import io.settlehub.carrier.partner.cdek.CdekOrder;
import io.settlehub.carrier.partner.cdek.CdekWebhook;
import io.settlehub.connector.support.feed.Fetched;
import io.settlehub.connector.support.feed.PartnerFeed;
import io.settlehub.connector.support.MappingResult;
import io.settlehub.connector.support.PartnerFormatException;
import io.settlehub.connector.support.PartnerRejectedException;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one client's CDEK orders: each order it follows and has not settled is read again; once its cost is
 * final it becomes its cost event, and a later change of the total a new revision. An order learnt from a webhook is
 * followed from then on; one CDEK refuses to answer for is set aside (unmapped, with CDEK's reason) without holding up
 * the others, while an outage fails the poll to be tried again. What was published is recorded only in {@link #commit}, after the route published it.
 */
public class CdekFeed implements PartnerFeed<Account, List<CdekFeed.Settled>> {

    public static final String FEED = "cdek";
    private static final Logger log = LoggerFactory.getLogger(CdekFeed.class);

    private final CdekProperties properties;
    private final CdekClient client;
    private final TrackedOrders tracked;

    public CdekFeed(CdekProperties properties, CdekClient client, TrackedOrders tracked) {
        this.properties = properties;
        this.client = client;
        this.tracked = tracked;
    }

    /** One order's cost as published by this poll, to be recorded on commit. */
    public record Settled(String uuid, TrackedOrders.Tracked next) {
    }

    @Override
    public String name() {
        return FEED;
    }

    @Override
    public List<Account> accounts() {
        return properties.accounts();
    }

    /** A webhook told of an order: follow it. */
    public void follow(String clientId, String uuid) {
        tracked.follow(clientId, uuid);
    }

    /** The followed orders whose cost is final, as events; what to record of each once they are published. */
    @Override
    public Fetched<List<Settled>> fetch(Account account) {
        CdekClient.Credentials credentials = new CdekClient.Credentials(account.cdekClientId(), account.cdekClientSecret());
        List<CanonicalEvent> events = new ArrayList<>();
        List<UnmappedRecord> unmapped = new ArrayList<>();
        List<Settled> settled = new ArrayList<>();
        for (String uuid : tracked.open(account.clientId())) {
            CdekOrder order;
            try {
                order = orderOf(credentials, uuid);
            } catch (PartnerRejectedException | PartnerFormatException refused) {
                // this order alone: CDEK will not answer for it; the others are still read
                unmapped.add(new UnmappedRecord(FEED, account.clientId(), "cdek:" + account.clientId() + ":order:" + abbreviated(uuid),
                        "CDEK order " + abbreviated(uuid) + " is no longer followed: " + refused.getMessage(), null));
                settled.add(new Settled(uuid, new TrackedOrders.Tracked(null, 0, true)));
                continue;
            }
            if (order.entity() == null || !CdekCostMapper.costFinal(order)) {
                continue;
            }
            TrackedOrders.Tracked before = tracked.get(account.clientId(), uuid);
            MappingResult mapped = CdekCostMapper.map(account, order, before.published(), before.revision() + 1);
            events.addAll(mapped.events());
            unmapped.addAll(mapped.unmapped());
            if (!mapped.unmapped().isEmpty()) {
                settled.add(new Settled(uuid, new TrackedOrders.Tracked(before.published(), before.revision(), true)));
            } else if (!mapped.events().isEmpty()) {
                // published; followed once more, since CDEK may still correct a delivered order's total
                settled.add(new Settled(uuid, new TrackedOrders.Tracked(order.entity().deliveryDetail().totalSum(), before.revision() + 1,
                        false)));
            } else {
                settled.add(new Settled(uuid, new TrackedOrders.Tracked(before.published(), before.revision(), true)));
            }
        }
        return new Fetched<>(events, unmapped, settled, Instant.now());
    }

    private CdekOrder orderOf(CdekClient.Credentials credentials, String uuid) {
        if (!CdekWebhook.isOrderUuid(uuid)) {
            throw new PartnerFormatException("'" + abbreviated(uuid) + "' is not a CDEK order UUID");
        }
        return client.order(credentials, uuid);
    }

    private static String abbreviated(String uuid) {
        return Texts.abbreviated(uuid, 40);
    }

    @Override
    public void commit(Account account, List<Settled> settled) {
        settled.forEach(s -> tracked.record(account.clientId(), s.uuid(), s.next()));
        log.info("cdek {}: {} order(s) still followed", account.clientId(), tracked.open(account.clientId()).size());
    }
}
