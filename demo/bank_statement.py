#!/usr/bin/env python3
"""
A demo bank's answer: a camt.053.001.08 statement of the hub's account that books every pain.001 payment file in
the bank's SFTP outbox (pain.001.001.09, or .001.06 host-to-host, whose EndToEndId is the payment order's number),
except the payments the bank rejected (demo/bank_reject.py), written into the inbox that connector-bank reads
(./hub bank-statement). Standard library only.

    demo/bank_statement.py .hub/bank-sftp [hub-account]
"""
import datetime
import pathlib
import sys
import xml.etree.ElementTree as ET

PAIN = ("{urn:iso:std:iso:20022:tech:xsd:pain.001.001.09}", "{urn:iso:std:iso:20022:tech:xsd:pain.001.001.06}")
STATUS = "{urn:iso:std:iso:20022:tech:xsd:pain.002.001.10}"


def rejected(inbox):
    """The instruction ids the bank's own status reports (in its inbox, read or not) rejected."""
    ids = set()
    for file in list(inbox.glob("pain002-*.xml")) + list(inbox.glob("processed/*pain002-*.xml")):
        for tx in ET.parse(file).getroot().iter(STATUS + "TxInfAndSts"):
            if tx.findtext(STATUS + "TxSts") == "RJCT":
                ids.add(tx.findtext(STATUS + "OrgnlInstrId") or tx.findtext(STATUS + "OrgnlEndToEndId"))
    return ids


def payments(outbox, refused=frozenset()):
    for file in sorted(outbox.glob("pain001-*.xml")):
        root = ET.parse(file).getroot()
        ns = next(n for n in PAIN if root.tag.startswith(n))
        for tx in root.iter(ns + "CdtTrfTxInf"):
            if tx.findtext(f"{ns}PmtId/{ns}InstrId") in refused:
                continue
            amount = tx.find(f"{ns}Amt/{ns}InstdAmt")
            yield (tx.findtext(f"{ns}PmtId/{ns}EndToEndId"), amount.text, amount.get("Ccy"),
                   tx.findtext(f"{ns}Cdtr/{ns}Nm") or "")


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main():
    sftp_root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".hub/bank-sftp")
    account = sys.argv[2] if len(sys.argv) > 2 else "40702810000000000099"
    found = list(payments(sftp_root / "outbox", rejected(sftp_root / "inbox")))
    if not found:
        sys.exit(f"nothing to book in {sftp_root / 'outbox'}: no payment files (run a payout first: POST /api/payouts/run), or the bank rejected them")
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
