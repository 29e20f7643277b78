#!/usr/bin/env python3
"""
The demo bank's answer: a camt.053.001.08 statement of the hub's account that books every pain.001 payment file in
the bank's SFTP outbox, written into the inbox that connector-bank reads (./hub bank-statement). Standard library only.

    demo/bank_statement.py .hub/bank-sftp [hub-account]
"""
import datetime
import pathlib
import sys
import xml.etree.ElementTree as ET

PAIN = "{urn:iso:std:iso:20022:tech:xsd:pain.001.001.09}"


def payments(outbox):
    for file in sorted(outbox.glob("pain001-*.xml")):
        root = ET.parse(file).getroot()
        for tx in root.iter(PAIN + "CdtTrfTxInf"):
            amount = tx.find(f"{PAIN}Amt/{PAIN}InstdAmt")
            yield (tx.findtext(f"{PAIN}PmtId/{PAIN}EndToEndId"), amount.text, amount.get("Ccy"),
                   tx.findtext(f"{PAIN}Cdtr/{PAIN}Nm") or "")


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main():
    sftp_root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".hub/bank-sftp")
    account = sys.argv[2] if len(sys.argv) > 2 else "40702810000000000099"
    found = list(payments(sftp_root / "outbox"))
    if not found:
        sys.exit(f"no pain.001 files in {sftp_root / 'outbox'}: run a payout first (POST /api/payouts/run)")
    today = datetime.date.today().isoformat()
    stamp = datetime.datetime.now().strftime("%Y%m%d%H%M%S")
    entries = "".join(f"""
      <Ntry>
        <NtryRef>{i}</NtryRef>
        <Amt Ccy="{ccy}">{amount}</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>{today}</Dt></BookgDt>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>{e2e}</EndToEndId></Refs>
          <RltdPties><Cdtr><Pty><Nm>{esc(name)}</Nm></Pty></Cdtr></RltdPties>
        </TxDtls></NtryDtls>
      </Ntry>""" for i, (e2e, amount, ccy, name) in enumerate(found, start=1))
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>DEMO-{stamp}</MsgId><CreDtTm>{datetime.datetime.now().astimezone().isoformat(timespec="seconds")}</CreDtTm></GrpHdr>
    <Stmt>
      <Id>{account}-{stamp}</Id>
      <Acct><Id><Othr><Id>{account}</Id></Othr></Id><Ccy>RUB</Ccy></Acct>
      <Bal>
        <Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp>
        <Amt Ccy="RUB">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{today}</Dt></Dt>
      </Bal>{entries}
    </Stmt>
  </BkToCstmrStmt>
</Document>
"""
    inbox = sftp_root / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    part = inbox / f".camt053-{stamp}.part"
    part.write_text(xml, encoding="utf-8")
    part.rename(inbox / f"camt053-{stamp}.xml")
    print(f"the bank booked {len(found)} payment(s): {inbox / f'camt053-{stamp}.xml'}")


if __name__ == "__main__":
    main()
