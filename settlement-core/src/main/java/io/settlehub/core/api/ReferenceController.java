package io.settlehub.core.api;

import io.settlehub.contract.InvalidMessageException;
import io.settlehub.contract.JsonFields;
import io.settlehub.core.banks.BankDirectory;
import io.settlehub.core.banks.BankDirectoryRepository;
import io.settlehub.core.banks.Ed807Reader;
import io.settlehub.core.settlement.store.ReferenceDataRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Dated reference data: the standard VAT rates, the customs duty rate of each SKU's tariff line, the BIK directory. */
@RestController
@RequestMapping(path = "/api/reference", produces = MediaType.APPLICATION_JSON_VALUE)
class ReferenceController {

    /** Duty rates above 100 % exist (protective tariffs); anything beyond this is a typo. */
    private static final BigDecimal HIGHEST_DUTY_RATE = new BigDecimal("5");

    private final ReferenceDataRepository referenceData;
    private final io.settlehub.core.security.AuditLog audit;
    private final BankDirectoryRepository bankDirectory;

    ReferenceController(ReferenceDataRepository referenceData, io.settlehub.core.security.AuditLog audit, BankDirectoryRepository bankDirectory) {
        this.referenceData = referenceData;
        this.audit = audit;
        this.bankDirectory = bankDirectory;
    }

    /**
     * The central bank's BIK directory: the ED807 file as published (the ZIP, or the XML in it). A directory older than
     * the one in force is refused; the same business day again changes nothing.
     */
    @PutMapping(path = "/bank-directory", consumes = {"application/zip", "application/xml", "text/xml", "application/octet-stream"})
    Map<String, Object> putBankDirectory(@RequestBody byte[] file) {
        BankDirectoryRepository.Loaded loaded = bankDirectory.replace(Ed807Reader.read(file));
        if (loaded.replaced()) {
            audit.record("BANK_DIRECTORY_LOADED", "ED807", loaded.businessDay() + ": " + loaded.entries() + " BIKs, " + loaded.closed() + " closed");
        }
        return Map.of("businessDay", loaded.businessDay().toString(), "entries", loaded.entries(), "closed", loaded.closed(),
                "replaced", loaded.replaced());
    }

    @GetMapping("/bank-directory/{bik}")
    BankDirectory.Entry bank(@PathVariable String bik) {
        if (!bik.matches("[0-9]{9}")) {
            throw new InvalidMessageException("bik", "must be 9 digits, was '" + bik + "'");
        }
        return bankDirectory.find(bik).orElseThrow(() -> new NotFound("BIK " + bik + " in the BIK directory in force"
                + bankDirectory.businessDay().map(d -> " (" + d + ")").orElse(" (none loaded)")));
    }

    @GetMapping("/vat-rates")
    Map<LocalDate, BigDecimal> vatRates() {
        return referenceData.vatRates();
    }

    @GetMapping("/duty-rates")
    Map<String, Map<LocalDate, BigDecimal>> dutyRates() {
        return referenceData.dutyRates();
    }

    /** Body: {@code {"validFrom": "2026-01-01", "rate": "0.10"}}. */
    @PutMapping(path = "/duty-rates/{sku}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<LocalDate, BigDecimal> putDutyRate(@PathVariable String sku,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = RequestBodies.DutyRate.class))) @RequestBody String body) {
        ClientController.Ids.require("sku", sku);
        JsonFields p = JsonFields.parse(body).onlyFields("validFrom", "rate");
        LocalDate validFrom = p.date("validFrom");
        BigDecimal rate = p.decimal("rate");
        if (rate.signum() < 0 || rate.compareTo(HIGHEST_DUTY_RATE) > 0) {
            throw new InvalidMessageException("rate", "must be a fraction between 0 and 5 (0.10 = 10 %), was " + rate.toPlainString());
        }
        referenceData.putDutyRate(sku, validFrom, rate);
        audit.record("DUTY_RATE_SET", sku, rate.toPlainString() + " from " + validFrom);
        return referenceData.dutyRates().get(sku);
    }
}
