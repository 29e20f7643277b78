package io.settlehub.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The chart of accounts: the spellings the journal has stored since the first release, and which accounts are buckets. */
class ChartOfAccountsTest {

    @Test
    void accounts_are_spelled_as_the_journal_stores_them() {
        assertThat(AccountKey.client("acme", Bucket.IN_FLIGHT, "RUB")).hasToString("client/acme:inFlight:RUB");
        assertThat(AccountKey.clearing("acme", "RUB")).hasToString("client/acme:clearing:RUB");
        assertThat(AccountKey.marketplace("ozon", "acme", "RUB")).hasToString("marketplace/ozon/acme:receivable:RUB");
        assertThat(AccountKey.supplier("shenzhen-lights", "CNY")).hasToString("supplier/shenzhen-lights:payable:CNY");
        assertThat(AccountKey.supplierInFlight("shenzhen-lights", "RUB")).hasToString("supplier/shenzhen-lights:inFlight:RUB");
        assertThat(Arrays.stream(HubAccount.values()).map(a -> AccountKey.hub(a, "RUB").toString())).containsExactly(
                "hub:bank:RUB", "hub:commission:RUB", "hub:vat-payable:RUB", "hub:customs-recovery:RUB", "hub:logistics-recovery:RUB",
                "hub:fx-differences:RUB");
    }

    @Test
    void only_a_clients_own_buckets_are_its_buckets() {
        for (Bucket bucket : Bucket.values()) {
            AccountKey account = AccountKey.parse(AccountKey.client("acme", bucket, "RUB").toString());
            assertThat(account.bucketOf("acme")).contains(bucket);
            assertThat(account.bucketOf("acme-2")).isEmpty();
            assertThat(account.bucket()).contains(bucket);
        }
        assertThat(AccountKey.supplierInFlight("shenzhen-lights", "RUB").bucket()).isEmpty();
        assertThat(AccountKey.clearing("acme", "RUB").bucketOf("acme")).isEmpty();
        assertThat(Arrays.stream(Bucket.values()).filter(Bucket::owed)).containsExactly(Bucket.PENDING, Bucket.HELD, Bucket.AVAILABLE,
                Bucket.IN_FLIGHT);
    }
}
