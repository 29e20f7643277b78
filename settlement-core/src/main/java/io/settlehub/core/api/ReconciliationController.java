package io.settlehub.core.api;

import io.settlehub.contract.EventCodec;
import io.settlehub.core.ingest.SettlementService;
import io.settlehub.core.settlement.Discrepancies;
import io.settlehub.core.store.ClientRepository;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Money the marketplaces paid that does not match what the hub expected. */
@RestController
class ReconciliationController {

    private final ClientRepository clients;
    private final SettlementService settlement;

    ReconciliationController(ClientRepository clients, SettlementService settlement) {
        this.clients = clients;
        this.settlement = settlement;
    }

    @GetMapping(path = "/api/reconciliation/discrepancies", produces = MediaType.APPLICATION_JSON_VALUE)
    String discrepancies() {
        List<Discrepancies.Discrepancy> all = new ArrayList<>();
        for (String clientId : clients.clientsWithAgreement()) {
            settlement.settlementOf(clientId).ifPresent(s -> all.addAll(Discrepancies.of(s)));
        }
        return EventCodec.write(all);
    }
}
