package io.settlehub.bench;

import io.settlehub.bank.config.BankProperties;
import io.settlehub.bank.outbound.SentInstructions;
import io.settlehub.bank.inbound.StatementMapper;
import io.settlehub.bank.formats.iso20022.Camt053Reader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

/**
 * A camt.053.001.08 statement of 100,000 entries (by default), written to a file, then read the way connector-bank
 * reads the inbox — validated against the XSD, streamed, every entry mapped (our debits matched by EndToEndId, credits
 * by rule) — beside, in the same run, a plain streaming parse of the same file that does nothing with it.
 */
public final class StatementBenchmark {

    private static final String ACCOUNT = "40702810000000000099";

    private StatementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = Integer.parseInt(args.length > 0 ? args[0] : Jvm.env("BENCH_STATEMENT_ENTRIES", "100000"));
        Path dir = Files.createTempDirectory("statement-bench");
        Path file = dir.resolve("camt053-bench.xml");
        SentInstructions sent = new SentInstructions(dir.resolve("sent.tsv"));
        write(file, entries, sent);
        BankProperties bank = new BankProperties(new BankProperties.Debtor("Settlehub LLC", ACCOUNT, "044525225", "7700000000"), null,
                dir.toString(), List.of(new BankProperties.CreditRule("7704217370", null, "acme")));
        System.out.printf("Settlehub statement benchmark: camt.053.001.08 with %,d entries (%,d MB), max heap %,d MB, %d cores%n%n", entries,
                Files.size(file) / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.getRuntime().availableProcessors());

        plainParse(file);   // warm-up of the parser
        long start = System.nanoTime();
        long events = plainParse(file);
        double plainSeconds = (System.nanoTime() - start) / 1e9;

        Jvm.resetPeakHeap();
        AtomicLong published = new AtomicLong();
        AtomicLong unmapped = new AtomicLong();
        start = System.nanoTime();
        Camt053Reader.read(file, entry -> {
            var mapped = StatementMapper.map(entry, bank, sent, file.getFileName().toString());
            published.addAndGet(mapped.events().size());
            unmapped.addAndGet(mapped.unmapped().size());
        });
        double readSeconds = (System.nanoTime() - start) / 1e9;
        long peak = Jvm.peakHeapMb();

        System.out.println("| measure | value |");
        System.out.println("|---|---:|");
        System.out.printf("| plain streaming parse of the file (baseline; %,d XML events), entries/s | %,.0f |%n", events, entries / plainSeconds);
        System.out.printf("| validated, streamed and matched (%,d events, %,d for an operator), entries/s | %,.0f |%n", published.get(),
                unmapped.get(), entries / readSeconds);
        System.out.printf("| **matched ÷ plain parse** | **%.2f** |%n", plainSeconds / readSeconds);
        System.out.printf("| peak heap while reading, MB | %,d |%n", peak);
    }

    /** Nine debits of our instructions and one credit from a marketplace per ten entries. */
    private static void write(Path file, int entries, SentInstructions sent) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">"
                    + "<BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-11-27T07:30:00+03:00</CreDtTm></GrpHdr><Stmt>"
                    + "<Id>BENCH-STMT</Id><Acct><Id><Othr><Id>" + ACCOUNT + "</Id></Othr></Id><Ccy>RUB</Ccy></Acct>"
                    + "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"RUB\">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
                    + "<Dt><Dt>2026-11-26</Dt></Dt></Bal>\n");
            for (int i = 1; i <= entries; i++) {
                boolean credit = i % 10 == 0;
                String e2e = String.format("SH%032d", i);
                if (!credit) {
                    sent.sent(e2e, "client-" + (i % 1000));
                }
                out.write("<Ntry><NtryRef>" + i + "</NtryRef><Amt Ccy=\"RUB\">" + (1000 + i % 9000) + ".50</Amt><CdtDbtInd>"
                        + (credit ? "CRDT" : "DBIT") + "</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-26</Dt></BookgDt>"
                        + "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>" + (credit ? "RCDT" : "ICDT") + "</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn>"
                        + "</BkTxCd><NtryDtls><TxDtls>" + (credit ? "" : "<Refs><EndToEndId>" + e2e + "</EndToEndId></Refs>")
                        + "<RltdPties>" + (credit ? "<Dbtr><Pty><Nm>ООО «Интернет Решения»</Nm><Id><OrgId><Othr><Id>7704217370</Id></Othr>"
                        + "</OrgId></Id></Pty></Dbtr>" : "<Cdtr><Pty><Nm>Client " + i + "</Nm></Pty></Cdtr>") + "</RltdPties>"
                        + "<RmtInf><Ustrd>Payment " + i + "</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n");
            }
            out.write("</Stmt></BkToCstmrStmt></Document>\n");
        }
    }

    private static long plainParse(Path file) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        long events = 0;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                xml.next();
                events++;
            }
            xml.close();
        }
        return events;
    }
}
