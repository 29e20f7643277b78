package io.settlehub.core.payout.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs payouts on the configured schedule ({@code hub.payouts.cron}; "-" switches it off). */
@Component
class PayoutSchedule {

    private static final Logger log = LoggerFactory.getLogger(PayoutSchedule.class);
    private final PayoutService payouts;

    PayoutSchedule(PayoutService payouts) {
        this.payouts = payouts;
    }

    @Scheduled(cron = "${hub.payouts.cron:-}", zone = "Europe/Moscow")
    void run() {
        log.info("scheduled payout run created {} instruction(s)", payouts.run().size());
    }
}
