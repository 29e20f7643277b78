package io.settlehub.marketplace.feed;

import io.settlehub.connector.support.PartnerFormatException;
import io.settlehub.marketplace.config.OzonProperties.Account;
import io.settlehub.marketplace.partner.ozon.Accrual;
import io.settlehub.marketplace.partner.ozon.AccrualByDayRequest;
import io.settlehub.marketplace.partner.ozon.AccrualByDayResponse;
import io.settlehub.marketplace.partner.ozon.OzonSellerClient;
import java.time.LocalDate;
import java.util.function.Consumer;

/** Reads one day of accruals page by page, following Ozon's {@code last_id} cursor. */
public class AccrualPager {

    private static final int MAX_PAGES_PER_DAY = 1000;
    private final OzonSellerClient client;

    public AccrualPager(OzonSellerClient client) {
        this.client = client;
    }

    /** Hands every accrual of the day after {@code cursor} to {@code each}; answers the cursor to resume from. */
    public String readDay(Account account, LocalDate day, String cursor, Consumer<Accrual> each) {
        String last = cursor;
        for (int page = 0; page < MAX_PAGES_PER_DAY; page++) {
            AccrualByDayResponse response = client.accrualsByDay(account, new AccrualByDayRequest(day.toString(), last));
            response.accruals().forEach(each);
            boolean more = !response.accruals().isEmpty() && response.lastId() != null && !response.lastId().isBlank()
                    && !response.lastId().equals(last) && !Boolean.FALSE.equals(response.hasNext());
            if (response.lastId() != null && !response.lastId().isBlank()) {
                last = response.lastId();
            }
            if (!more) {
                return last;
            }
        }
        throw new PartnerFormatException("ozon accruals of " + day + " did not end after " + MAX_PAGES_PER_DAY + " pages");
    }
}
