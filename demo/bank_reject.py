#!/usr/bin/env python3
"""
A demo bank refuses payments: a pain.002.001.10 status report rejecting, with the given reason, every payment of the
pain.001 files in its SFTP outbox that it has not answered yet, written into the inbox connector-bank reads
(./hub bank-reject AG03). A reason another bank may not have (AG03 not supported, CURR, RR04 regulatory) sends the
payment through the other bank; any other reason returns the money to the client. Standard library only.

    demo/bank_reject.py .hub/bank-sftp AG03 ["text"]
"""
import datetime
import pathlib
import sys
import xml.etree.ElementTree as ET

from bank_statement import PAIN, STATUS, esc


def answered(inbox):
    ids = set()
    for file in list(inbox.glob("pain002-*.xml")) + list(inbox.glob("processed/*pain002-*.xml")):
        for tx in ET.parse(file).getroot().iter(STATUS + "TxInfAndSts"):
            ids.add(tx.findtext(STATUS + "OrgnlInstrId") or tx.findtext(STATUS + "OrgnlEndToEndId"))
    return ids


def main():
    sftp_root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".hub/bank-sftp")
    reason = sys.argv[2] if len(sys.argv) > 2 else "AG03"
    text = sys.argv[3] if len(sys.argv) > 3 else "Операция данного вида по каналу Host-to-Host не проводится"
    inbox = sftp_root / "inbox"
    done = answered(inbox)
    refused = []
    for file in sorted((sftp_root / "outbox").glob("pain001-*.xml")):
        root = ET.parse(file).getroot()
        ns = next(n for n in PAIN if root.tag.startswith(n))
        message = root.findtext(f"{ns}CstmrCdtTrfInitn/{ns}GrpHdr/{ns}MsgId")
        for tx in root.iter(ns + "CdtTrfTxInf"):
            instruction = tx.findtext(f"{ns}PmtId/{ns}InstrId")
            if instruction not in done:
                refused.append((message, instruction, tx.findtext(f"{ns}PmtId/{ns}EndToEndId")))
    if not refused:
        sys.exit(f"no unanswered payments in {sftp_root / 'outbox'}: run a payout first (POST /api/payouts/run)")
    stamp = datetime.datetime.now().strftime("%Y%m%d%H%M%S")
    blocks = "".join(f"""
    <OrgnlPmtInfAndSts>
      <OrgnlPmtInfId>{esc(message)}</OrgnlPmtInfId>
      <TxInfAndSts>
        <OrgnlInstrId>{esc(instruction)}</OrgnlInstrId>
        <OrgnlEndToEndId>{esc(e2e)}</OrgnlEndToEndId>
        <TxSts>RJCT</TxSts>
        <StsRsnInf><Rsn><Cd>{esc(reason)}</Cd></Rsn><AddtlInf>{esc(text)}</AddtlInf></StsRsnInf>
      </TxInfAndSts>
    </OrgnlPmtInfAndSts>""" for message, instruction, e2e in refused)
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
  <CstmrPmtStsRpt>
    <GrpHdr><MsgId>DEMO-STS-{stamp}</MsgId><CreDtTm>{datetime.datetime.now().astimezone().isoformat(timespec="seconds")}</CreDtTm></GrpHdr>
    <OrgnlGrpInfAndSts><OrgnlMsgId>{esc(refused[0][0])}</OrgnlMsgId><OrgnlMsgNmId>pain.001</OrgnlMsgNmId></OrgnlGrpInfAndSts>{blocks}
  </CstmrPmtStsRpt>
</Document>
"""
    inbox.mkdir(parents=True, exist_ok=True)
    part = inbox / f".pain002-{stamp}.part"
    part.write_text(xml, encoding="utf-8")
    part.rename(inbox / f"pain002-{stamp}.xml")
    print(f"the bank rejected {len(refused)} payment(s) ({reason}): {inbox / f'pain002-{stamp}.xml'}")


if __name__ == "__main__":
    main()
