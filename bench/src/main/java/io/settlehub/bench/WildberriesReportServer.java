package io.settlehub.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.settlehub.contract.EventCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.LocalDate;

/**
 * A Wildberries finance API that serves a generated detailed realization report of any size, page by page
 * ({@code rrdId} of the last row), writing each page's rows as it goes: the report never exists whole, here or in the
 * client. Rows follow the published format (camelCase, amounts as strings): per ten rows, seven sales, a return, a
 * logistics leg and a storage charge; a new weekly report every 50,000 rows.
 */
final class WildberriesReportServer implements AutoCloseable {

    static final int ROWS_PER_REPORT = 50_000;

    private final HttpServer server;
    private final long rows;

    WildberriesReportServer(long rows) throws IOException {
        this.rows = rows;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/finance/v1/sales-reports/detailed", this::page);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void page(HttpExchange exchange) throws IOException {
        JsonNode request = EventCodec.mapper().readTree(exchange.getRequestBody());
        long after = request.path("rrdId").asLong();
        long last = Math.min(rows, after + request.path("limit").asLong(100_000));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody();
             JsonGenerator json = EventCodec.mapper().getFactory().createGenerator(out)) {
            json.writeStartArray();
            for (long rrdId = after + 1; rrdId <= last; rrdId++) {
                writeRow(json, rrdId);
            }
            json.writeEndArray();
        }
    }

    private static void writeRow(JsonGenerator json, long rrdId) throws IOException {
        long index = rrdId - 1;
        long report = index / ROWS_PER_REPORT;
        LocalDate from = LocalDate.of(2026, 1, 5).plusWeeks(report % 40);
        int kind = (int) (index % 10);
        json.writeStartObject();
        json.writeNumberField("reportId", 400_000_000L + report);
        json.writeStringField("dateFrom", from.toString());
        json.writeStringField("dateTo", from.plusDays(6).toString());
        json.writeStringField("createDate", from.plusDays(7).toString());
        json.writeStringField("currency", "RUB");
        json.writeNumberField("rrdId", rrdId);
        json.writeNumberField("giId", 28417395);
        json.writeStringField("subjectName", "Светильники");
        json.writeNumberField("nmId", 187654321 + index % 50);
        json.writeStringField("brandName", "Acme Light");
        json.writeStringField("vendorCode", "LAMP-" + (index % 50));
        json.writeStringField("techSize", "0");
        json.writeStringField("sku", "20407053" + (10000 + index % 50));
        String operation = kind < 7 ? "Продажа" : kind == 7 ? "Возврат" : kind == 8 ? "Логистика" : "Хранение";
        json.writeStringField("docTypeName", kind <= 7 ? operation : "");
        json.writeNumberField("quantity", kind <= 7 ? 1 : 0);
        json.writeStringField("retailPrice", kind <= 7 ? "2490.00" : "0.00");
        json.writeStringField("retailAmount", kind <= 7 ? "2200.00" : "0.00");
        json.writeNumberField("salePercent", 12);
        json.writeStringField("commissionPercent", "18.30");
        json.writeStringField("officeName", "Коледино");
        json.writeStringField("sellerOperName", operation);
        json.writeStringField("orderDt", from + "T18:42:11+03:00");
        json.writeStringField("saleDt", from.plusDays(1) + "T11:20:05+03:00");
        json.writeStringField("rrDate", from.plusDays(1).toString());
        json.writeNumberField("shkId", 23874129934L + index);
        json.writeStringField("retailPriceWithDisc", kind <= 7 ? "2191.20" : "0.00");
        json.writeNumberField("deliveryAmount", kind == 8 ? 1 : 0);
        json.writeNumberField("returnAmount", 0);
        json.writeStringField("deliveryService", kind == 8 ? "87.50" : "0.00");
        json.writeStringField("giBoxTypeName", "Монопаллета");
        json.writeStringField("productDiscountForReport", "0.00");
        json.writeStringField("sellerPromo", "0.00");
        json.writeStringField("spp", "12.00");
        json.writeStringField("kvwBase", "18.30");
        json.writeStringField("kvw", "15.00");
        json.writeStringField("supRatingUp", "0.00");
        json.writeStringField("isKgvpV2", "0.00");
        json.writeStringField("ppvzSalesCommission", kind <= 7 ? "402.60" : "0.00");
        json.writeStringField("forPay", kind <= 7 ? "1764.40" : "0.00");
        json.writeStringField("ppvzReward", "0.00");
        json.writeStringField("acquiringFee", kind <= 7 ? "33.00" : "0.00");
        json.writeStringField("acquiringBank", "Сбербанк");
        json.writeStringField("vw", kind <= 7 ? "330.00" : "0.00");
        json.writeStringField("vwNds", kind <= 7 ? "72.60" : "0.00");
        json.writeNumberField("ppvzOfficeId", 507);
        json.writeStringField("ppvzOfficeName", "Москва ПВЗ 507");
        json.writeStringField("ppvzSupplierName", "ООО «Акме Импорт»");
        json.writeStringField("ppvzSupplierInn", "7701234567");
        json.writeStringField("declarationNumber", "10702010/150226/0012345");
        json.writeStringField("stickerId", "");
        json.writeStringField("country", "Россия");
        json.writeStringField("penalty", "0.00");
        json.writeStringField("additionalPayment", "0.00");
        json.writeStringField("rebillLogisticCost", "0.00");
        json.writeStringField("kiz", "");
        json.writeStringField("paidStorage", kind == 9 ? "41.24" : "0.00");
        json.writeStringField("deduction", "0.00");
        json.writeStringField("paidAcceptance", "0.00");
        // a return takes back the sale seven rows before it
        json.writeStringField("srid", kind == 7 ? "srid-" + (index - 7) : kind < 7 ? "srid-" + index : "");
        json.writeEndObject();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
