package io.settlehub.core.api.web;

import io.settlehub.contract.BusinessCalendar;
import io.settlehub.core.api.OrderBreakdown;
import io.settlehub.core.text.Readable;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.RequestParam;
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
    private final MessageSource messages;

    DashboardController(MessageSource messages, io.settlehub.core.alerts.AlertRepository alerts, ClientDashboard dashboard, ClientRepository clients, SettlementService settlement,
                        SupplierPaymentRepository supplierPayments, BucketBalances balances, ParkedRepository parked, FactRepository facts,
                        Clock clock) {
        this.alerts = alerts;
        this.messages = messages;
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

    /** {@code days}: the period of the balance chart, from a week to a year. */
    @GetMapping("/clients/{clientId}")
    String client(@PathVariable String clientId, @RequestParam(defaultValue = "90") int days, Model model, Locale locale) {
        requireKnown(clientId);
        ClientDashboard.Page page = dashboard.of(clientId, days);
        Readable fmt = new Readable(locale, BusinessCalendar.ZONE);
        java.util.function.Function<String, String> words = key -> messages.getMessage(key, null, locale);
        model.addAttribute("page", page);
        model.addAttribute("balanceChart", ChartJson.write(page.charts().balance(), fmt, words));
        model.addAttribute("expectedChart", ChartJson.write(page.charts().expected(), fmt, words));
        model.addAttribute("payoutChart", ChartJson.write(page.charts().payouts(), fmt, words));
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
    String operator(Model model, Locale locale) {
        Map<String, List<Map<String, String>>> byClient = new LinkedHashMap<>();
        clients.clientsWithAgreement().forEach(c -> byClient.put(c, balances.of(c)));
        model.addAttribute("clients", byClient);
        model.addAttribute("parked", parked.all());
        model.addAttribute("alerts", alerts.latest(50));
        model.addAttribute("sources", facts.sources().stream().map(s -> Map.of("source", s.source(), "events", s.events(),
                "lastReceivedAt", s.lastReceivedAt(), "lag", lag(Duration.between(s.lastReceivedAt(), clock.instant()), locale))).toList());
        model.addAttribute("now", clock.instant());
        model.addAttribute("caller", Callers.current());
        return "operator";
    }

    private void requireKnown(String clientId) {
        if (clients.agreementJson(clientId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no client " + clientId);
        }
    }

    private String lag(Duration since, Locale locale) {
        if (since.toMinutes() < 1) {
            return messages.getMessage("duration.seconds", new Object[] {since.toSeconds()}, locale);
        }
        return since.toHours() < 1 ? messages.getMessage("duration.minutes", new Object[] {since.toMinutes()}, locale)
                : messages.getMessage("duration.hours", new Object[] {since.toHours(), since.toMinutesPart()}, locale);
    }
}
