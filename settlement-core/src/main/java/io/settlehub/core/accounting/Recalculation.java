package io.settlehub.core.accounting;

import io.settlehub.core.accounting.AccountingClose.IssuedDocument;
import io.settlehub.core.settlement.service.SettlementService;
import io.settlehub.core.settlement.service.SettlementService.OrderChange;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client re-settled from a date, and the corrected versions of the accounting documents of the closed periods it
 * reaches, in one transaction: the ledger and the documents never disagree.
 */
@Service
public class Recalculation {

    private final SettlementService settlement;
    private final AccountingClose accounting;

    public Recalculation(SettlementService settlement, AccountingClose accounting) {
        this.settlement = settlement;
        this.accounting = accounting;
    }

    public record Result(List<OrderChange> orders, List<IssuedDocument> documents) {
    }

    @Transactional
    public Result run(String clientId, LocalDate from) {
        List<OrderChange> orders = settlement.recalculate(clientId, from);
        return new Result(orders, accounting.reissue(clientId, from));
    }
}
