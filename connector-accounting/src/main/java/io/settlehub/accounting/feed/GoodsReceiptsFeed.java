package io.settlehub.accounting.feed;

import io.settlehub.connector.support.state.StateFile;
import com.fasterxml.jackson.databind.JsonNode;
import io.settlehub.accounting.config.OneCProperties;
import io.settlehub.accounting.config.OneCProperties.Infobase;
import io.settlehub.accounting.mapping.GoodsReceiptMapper;
import io.settlehub.accounting.partner.onec.GoodsReceipt;
import io.settlehub.accounting.partner.onec.ODataClient;
import io.settlehub.accounting.partner.onec.OneCJson;
import io.settlehub.accounting.push.DocumentPusher;
import io.settlehub.connector.support.feed.Fetched;
import io.settlehub.connector.support.feed.PartnerFeed;
import io.settlehub.connector.support.MappingResult;
import io.settlehub.connector.support.PartnerFormatException;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.CanonicalEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posted goods receipts from each client's 1C, oldest first, from a watermark on their date: the newest date seen is
 * kept once everything read was published, and the next poll asks again from that date (inclusive), so a receipt
 * entered with the same time is not missed; re-reading is harmless, the event ids being the receipts' Ref_Keys.
 */
public class GoodsReceiptsFeed implements PartnerFeed<Infobase, LocalDateTime> {

    public static final String FEED = "1c-receipts";
    private static final Logger log = LoggerFactory.getLogger(GoodsReceiptsFeed.class);
    private static final int PAGE = 100;
    /** 1C's literal always has seconds ({@code LocalDateTime.toString} drops zero seconds). */
    private static final java.time.format.DateTimeFormatter ONEC_DATE_TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final OneCProperties onec;
    private final DocumentPusher.Infobases infobases;
    private final Path stateDir;

    public GoodsReceiptsFeed(OneCProperties onec, DocumentPusher.Infobases infobases) {
        this.onec = onec;
        this.infobases = infobases;
        this.stateDir = onec.stateDir();
    }

    @Override
    public String name() {
        return FEED;
    }

    /** The infobases read over OData (none in file-exchange mode). */
    @Override
    public List<Infobase> accounts() {
        return onec.filesMode() ? List.of() : onec.infobases().stream().filter(i -> i.url() != null && !i.url().isBlank()).toList();
    }

    /** What one poll of an infobase read; the next resumes at the newest receipt's date. */
    @Override
    public Fetched<LocalDateTime> fetch(Infobase infobase) {
        ODataClient odata = infobases.odata(infobase);
        LocalDateTime since = watermark(infobase);
        String filter = "Posted eq true and DeletionMark eq false and Date ge datetime'" + ONEC_DATE_TIME.format(since) + "'";
        List<CanonicalEvent> events = new ArrayList<>();
        List<UnmappedRecord> unmapped = new ArrayList<>();
        LocalDateTime newest = since;
        for (int skip = 0; ; skip += PAGE) {
            JsonNode page = odata.query(onec.entitySets().goodsReceipt(), filter, null, "Date asc", PAGE, skip);
            for (JsonNode node : page) {
                GoodsReceipt receipt = read(node);
                MappingResult mapped = GoodsReceiptMapper.map(infobase.clientId(), receipt, infobase.suppliers(),
                        infobases.catalogs(infobase));
                events.addAll(mapped.events());
                unmapped.addAll(mapped.unmapped());
                LocalDateTime date = LocalDateTime.parse(receipt.date());
                newest = date.isAfter(newest) ? date : newest;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return new Fetched<>(events, unmapped, newest, newest.atZone(BusinessCalendar.ZONE).toInstant());
    }

    @Override
    public void commit(Infobase infobase, LocalDateTime next) {
        save(infobase, next);
    }

    private static GoodsReceipt read(JsonNode node) {
        try {
            return OneCJson.MAPPER.treeToValue(node, GoodsReceipt.class);
        } catch (IOException e) {
            throw new PartnerFormatException("1C goods receipt " + node.path("Ref_Key").asText() + " cannot be read: " + e.getMessage());
        }
    }

    private LocalDateTime watermark(Infobase infobase) {
        return file(infobase).readText().map(text -> LocalDateTime.parse(text.trim())).orElse(infobase.receiptsFrom().atStartOfDay());
    }

    private void save(Infobase infobase, LocalDateTime next) {
        file(infobase).writeText(next.toString());
    }

    private StateFile file(Infobase infobase) {
        return StateFile.in(stateDir, FEED + "-" + infobase.clientId() + ".txt");
    }
}
