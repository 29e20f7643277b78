package io.settlehub.core.api;

import io.settlehub.contract.EventCodec;
import io.settlehub.contract.JsonFields;
import io.settlehub.core.payout.service.PayoutService;
import io.settlehub.core.settlement.BankDetails;
import io.settlehub.core.settlement.store.ClientRepository;
import io.settlehub.core.settlement.store.ParkedRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.*;

/** Suppliers, payout runs and parked events. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class OperatorController {

    private final ClientRepository clients;
    private final PayoutService payouts;
    private final ParkedRepository parked;

    private final io.settlehub.core.security.AuditLog audit;

    OperatorController(ClientRepository clients, PayoutService payouts, ParkedRepository parked,
                       io.settlehub.core.security.AuditLog audit) {
        this.audit = audit;
        this.clients = clients;
        this.payouts = payouts;
        this.parked = parked;
    }

    @PutMapping(path = "/suppliers/{supplierId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> putSupplier(@PathVariable String supplierId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = RequestBodies.Supplier.class))) @RequestBody String body) {
        ClientController.Ids.require("supplierId", supplierId);
        JsonFields p = JsonFields.parse(body).onlyFields("supplierId", "name", "currency", "bankAccount", "contract");
        String currency = p.currency("currency");
        JsonFields account = p.object("bankAccount").onlyFields("holder", "account", "bankId", "country", "localBankCode");
        Map<String, Object> supplier = new LinkedHashMap<>();
        supplier.put("supplierId", supplierId);
        String name = BankDetails.name(p, "name");
        supplier.put("name", name);
        supplier.put("currency", currency);
        Map<String, String> bank = new LinkedHashMap<>();
        bank.put("holder", account.has("holder") ? BankDetails.name(account, "holder") : name);
        bank.put("account", BankDetails.account(account));
        bank.put("bankId", BankDetails.bankId(account));
        String country = BankDetails.country(account);
        if (country != null) {
            bank.put("country", country);
        }
        String localBankCode = BankDetails.localBankCode(account);
        if (localBankCode != null) {
            bank.put("localBankCode", localBankCode);
        }
        supplier.put("bankAccount", bank);
        if (p.has("contract")) {
            JsonFields contract = p.object("contract").onlyFields("number", "date", "registeredNumber", "currencyOperationCode");
            Map<String, String> c = new LinkedHashMap<>();
            c.put("number", contract.text("number", 100));
            if (contract.has("date")) {
                c.put("date", contract.date("date").toString());
            }
            if (contract.has("registeredNumber")) {
                c.put("registeredNumber", contract.text("registeredNumber", 100));
            }
            if (contract.has("currencyOperationCode")) {
                String code = contract.text("currencyOperationCode");
                if (!code.matches("\\d{5}")) {
                    throw new io.settlehub.contract.InvalidMessageException("contract.currencyOperationCode", "must be 5 digits, was '" + code + "'");
                }
                c.put("currencyOperationCode", code);
            }
            supplier.put("contract", c);
        }
        clients.saveSupplier(supplierId, EventCodec.write(supplier));
        audit.record("SUPPLIER_SAVED", supplierId, EventCodec.write(supplier));
        return supplier;
    }

    @PostMapping("/payouts/run")
    String runPayouts() {
        var created = payouts.run();
        audit.record("PAYOUT_RUN", null, created.size() + " instruction(s): "
                + String.join(", ", created.stream().map(i -> i.instructionId() + " " + i.amount()).toList()));
        return EventCodec.write(created);
    }

    @GetMapping("/parked-events")
    List<ParkedRepository.ParkedView> parkedEvents() {
        return parked.all();
    }
}
