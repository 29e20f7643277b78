package io.settlehub.core.accounting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Closes the previous month on the configured schedule ({@code hub.accounting.close-cron}; "-" switches it off). */
@Component
class AccountingCloseSchedule {

    private static final Logger log = LoggerFactory.getLogger(AccountingCloseSchedule.class);
    private final AccountingClose accounting;

    AccountingCloseSchedule(AccountingClose accounting) {
        this.accounting = accounting;
    }

    @Scheduled(cron = "${hub.accounting.close-cron:-}", zone = "Europe/Moscow")
    void run() {
        var period = accounting.previousPeriod();
        log.info("scheduled close of {} issued {} document(s)", period, accounting.close(period).size());
    }
}
