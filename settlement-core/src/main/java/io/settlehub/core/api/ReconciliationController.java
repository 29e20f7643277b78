package io.settlehub.core.api;

import io.settlehub.contract.EventCodec;
import io.settlehub.core.payout.store.PaymentRepository;
import io.settlehub.core.settlement.Discrepancies;
import io.settlehub.core.settlement.service.DiscrepancyReads;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Money the marketplaces paid, and the bank reported, that does not match what the hub expected. */
@RestController
class ReconciliationController {

    private final DiscrepancyReads discrepancies;
    private final PaymentRepository payments;

    ReconciliationController(DiscrepancyReads discrepancies, PaymentRepository payments) {
        this.discrepancies = discrepancies;
        this.payments = payments;
    }

    @GetMapping(path = "/api/reconciliation/discrepancies", produces = MediaType.APPLICATION_JSON_VALUE)
    String discrepancies() {
        List<Discrepancies.Discrepancy> all = new ArrayList<>(discrepancies.all());
        for (PaymentRepository.Contradiction c : payments.contradictions()) {
            all.add(new Discrepancies.Discrepancy(c.clientId(), "bank", Discrepancies.Kind.PAYMENT_STATUS_CONTRADICTS_RECORD,
                    "instruction " + c.instructionId(), c.amount(), "the bank reported " + c.instructionId() + " both booked and rejected;"
                    + " the hub holds it as " + c.status() + " (check with the bank whether the money left once, twice or never)"));
        }
        return EventCodec.write(all);
    }
}
