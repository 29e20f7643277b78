package io.settlehub.core.api.web;

import io.settlehub.core.api.OrderBreakdown;
import io.settlehub.core.dashboard.ClientDashboard;
import io.settlehub.core.notify.BucketBalances;
import io.settlehub.core.payout.store.SupplierPaymentRepository;
import io.settlehub.core.security.Callers;
import io.settlehub.core.security.HubPrincipal;
import io.settlehub.core.settlement.service.SettlementService;
import io.settlehub.core.settlement.store.ClientRepository;
import io.settlehub.core.settlement.store.FactRepository;
import io.settlehub.core.settlement.store.ParkedRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The dashboard's pages, rendered on the server: a client's own page, an order's waterfall, the operator's overview. */
@Controller
class DashboardController {

    private final ClientDashboard dashboard;
    private final ClientRepository clients;
    private final SettlementService settlement;
    private final SupplierPaymentRepository supplierPayments;
    private final BucketBalances balances;
    private final ParkedRepository parked;
    private final FactRepository facts;
    private final Clock clock;
    private final io.settlehub.core.alerts.AlertRepository alerts;

    DashboardController(io.settlehub.core.alerts.AlertRepository alerts, ClientDashboard dashboard, ClientRepository clients, SettlementService settlement,
                        SupplierPaymentRepository supplierPayments, BucketBalances balances, ParkedRepository parked, FactRepository facts,
                        Clock clock) {
        this.alerts = alerts;
        this.dashboard = dashboard;
        this.clients = clients;
        this.settlement = settlement;
        this.supplierPayments = supplierPayments;
        this.balances = balances;
        this.parked = parked;
        this.facts = facts;
        this.clock = clock;
    }

    @GetMapping("/")
    String home() {
        HubPrincipal caller = Callers.current();
        return caller.isOperator() ? "redirect:/operator" : "redirect:/clients/" + caller.clientId();
    }

    @GetMapping("/clients/{clientId}")
    String client(@PathVariable String clientId, Model model) {
        requireKnown(clientId);
        model.addAttribute("page", dashboard.of(clientId));
        model.addAttribute("caller", Callers.current());
        return "client";
    }

    @GetMapping("/clients/{clientId}/orders/{orderId}")
    String order(@PathVariable String clientId, @PathVariable String orderId, Model model) {
        requireKnown(clientId);
        OrderBreakdown order = settlement.orderOf(clientId, orderId)
                .map(o -> OrderBreakdown.of(o, supplierPayments.partsOf(clientId, o.source(), o.orderId())))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no order " + orderId));
        model.addAttribute("clientId", clientId);
        model.addAttribute("order", order);
        model.addAttribute("caller", Callers.current());
        return "order";
    }

    /** Every client's balances, the parked events, and each connector's last event and lag. */
    @GetMapping("/operator")
    String operator(Model model) {
        Map<String, List<Map<String, String>>> byClient = new LinkedHashMap<>();
        clients.clientsWithAgreement().forEach(c -> byClient.put(c, balances.of(c)));
        model.addAttribute("clients", byClient);
        model.addAttribute("parked", parked.all());
        model.addAttribute("alerts", alerts.latest(50));
        model.addAttribute("sources", facts.sources().stream().map(s -> Map.of("source", s.source(), "events", s.events(),
                "lastReceivedAt", s.lastReceivedAt(), "lag", lag(Duration.between(s.lastReceivedAt(), clock.instant())))).toList());
        model.addAttribute("caller", Callers.current());
        return "operator";
    }

    private void requireKnown(String clientId) {
        if (clients.agreementJson(clientId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no client " + clientId);
        }
    }

    private static String lag(Duration since) {
        if (since.toMinutes() < 1) {
            return since.toSeconds() + " s";
        }
        return since.toHours() < 1 ? since.toMinutes() + " min" : since.toHours() + " h " + since.toMinutesPart() + " min";
    }
}
