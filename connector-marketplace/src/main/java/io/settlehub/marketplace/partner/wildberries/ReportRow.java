package io.settlehub.marketplace.partner.wildberries;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the Wildberries detailed realization report, in the fields the hub uses, whichever API it came from:
 * the statistics API's {@code reportDetailByPeriod} (snake_case, numbers) or the finance API that replaced it in 2026
 * (camelCase, amounts as strings). Names follow the statistics API; each comment gives both partner names.
 * A money field the row did not carry is null. {@code json} is the row as the partner sent it.
 */
public record ReportRow(
        long reportId,              // realizationreport_id | reportId
        LocalDate reportDateFrom,   // date_from | dateFrom
        LocalDate reportDateTo,     // date_to | dateTo
        Instant reportCreatedAt,    // create_dt | createDate
        long rrdId,                 // rrd_id | rrdId — the row id and the paging cursor
        String currency,            // currency_name | currency ("руб")
        String docTypeName,         // doc_type_name | docTypeName: "Продажа", "Возврат" or empty
        String operation,           // supplier_oper_name | sellerOperName: what the row is for
        String sellerArticle,       // sa_name | vendorCode: the seller's SKU
        long nmId,                  // nm_id | nmId: WB's article
        String srid,                // srid: the unique id of the ordered item
        int quantity,               // quantity
        BigDecimal retailPrice,     // retail_price | retailPrice
        BigDecimal retailAmount,    // retail_amount | retailAmount: what WB sold it for
        BigDecimal forPay,          // ppvz_for_pay | forPay: what WB pays the seller for the goods
        BigDecimal vw,              // ppvz_vw | vw: WB's reward without VAT
        BigDecimal vwNds,           // ppvz_vw_nds | vwNds: VAT on WB's reward
        BigDecimal acquiringFee,    // acquiring_fee | acquiringFee
        BigDecimal ppvzReward,      // ppvz_reward | ppvzReward: pickup-point reward
        BigDecimal deliveryRub,     // delivery_rub | deliveryService: logistics charged
        BigDecimal penalty,         // penalty
        BigDecimal additionalPayment, // additional_payment | additionalPayment
        BigDecimal rebillLogisticCost, // rebill_logistic_cost | rebillLogisticCost
        BigDecimal storageFee,      // storage_fee | paidStorage
        BigDecimal deduction,       // deduction
        BigDecimal acceptance,      // acceptance | paidAcceptance
        Instant saleAt,             // sale_dt | saleDt (Moscow time when it carries no zone)
        LocalDate rowDate,          // rr_dt | rrDate
        String declarationNumber,   // declaration_number | declarationNumber
        String json) {
}
