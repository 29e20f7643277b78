#!/usr/bin/env bash
# Puts the demo clients' agreements and their suppliers into settlement-core.
set -euo pipefail
API="${HUB_CORE_URL:-http://127.0.0.1:8080}"
AUTH="Authorization: Bearer ${HUB_OPERATOR_TOKEN:?}"

put() {
  curl -fsS -X PUT "$API$1" -H "$AUTH" -H 'Content-Type: application/json' -d "$2" >/dev/null
}

put /api/suppliers/shenzhen-lights '{"name": "Shenzhen Bright Lights Co., Ltd.", "currency": "CNY",
  "bankAccount": {"account": "44332211009988776655", "bankId": "BKCHCNBJ45A", "country": "CN", "localBankCode": "104584000003"},
  "contract": {"number": "SZ-2026/17", "date": "2026-01-15", "registeredNumber": "26010001/1481/0000/2/1", "currencyOperationCode": "11200"}}'
put /api/suppliers/ningbo-home '{"name": "Ningbo Home Appliances Co., Ltd.", "currency": "CNY",
  "bankAccount": {"account": "62220211003300440055", "bankId": "ICBKCNBJNBO", "country": "CN", "localBankCode": "102332000011"},
  "contract": {"number": "NB-0925", "date": "2025-09-25", "registeredNumber": "25090002/1481/0000/2/1", "currencyOperationCode": "11200"}}'

put /api/clients/acme '{"name": "Acme Import", "commissionRate": "0.05", "commissionVatRate": "0.22",
  "payoutCurrency": "RUB", "minimumPayout": "500.00", "fxDifferenceBornBy": "CLIENT", "customsVatIsCost": true,
  "bankAccount": {"holder": "ООО «Акме Импорт»", "account": "40702810900000000001", "bankId": "044525225", "taxId": "7701234567", "kpp": "770101001"}}'
put /api/clients/globex '{"name": "Globex Trading", "commissionRate": "0.05", "payoutCurrency": "RUB",
  "minimumPayout": "5000.00", "fxDifferenceBornBy": "CLIENT", "customsVatIsCost": true,
  "bankAccount": {"holder": "ООО «Глобекс Трейдинг»", "account": "40702810500000000002", "bankId": "044525593", "taxId": "7702345678", "kpp": "770201001"}}'

# The duty rates of the SKUs' tariff lines: customs declarations are checked against them (and the dated VAT).
put /api/reference/duty-rates/LAMP-01 '{"validFrom": "2026-01-01", "rate": "0.10"}'
put /api/reference/duty-rates/KETTLE-3 '{"validFrom": "2026-01-01", "rate": "0.10"}'

# Dashboard users (http://localhost:8080): each client sees only its own data; the operator sees everything.
put /api/users/operator '{"password": "operator-demo-password", "role": "OPERATOR"}'
put /api/users/acme '{"password": "acme-demo-password", "role": "CLIENT", "clientId": "acme"}'
put /api/users/globex '{"password": "globex-demo-password", "role": "CLIENT", "clientId": "globex"}'
