package io.settlehub.marketplace.feed;

import java.time.LocalDate;

/**
 * Where a seller account's feed resumes: the accrual day and Ozon's cursor within it, and the day from which
 * payout periods are asked for again (periods overlap on purpose; event ids make the overlap harmless).
 */
public record Watermark(LocalDate accrualDate, String lastId, LocalDate payoutsFrom) {
}
