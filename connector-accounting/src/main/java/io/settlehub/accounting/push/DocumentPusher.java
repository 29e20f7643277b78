package io.settlehub.accounting.push;

import io.settlehub.accounting.config.OneCProperties;
import io.settlehub.accounting.config.OneCProperties.Infobase;
import io.settlehub.accounting.mapping.HubDocument;
import io.settlehub.accounting.mapping.OneCDocumentMapper;
import io.settlehub.accounting.partner.onec.OneCEntity;
import io.settlehub.accounting.partner.onec.ODataClient;
import io.settlehub.accounting.push.PushedDocuments.Pushed;
import io.settlehub.connector.support.PartnerRejectedException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts an accounting document into its client's 1C exactly once and posts it: a document the infobase already holds
 * (known from the connector's state, or found by its comment when the state was lost between create and save) is updated
 * in place, never created again; an older version than the one pushed, or the same version already posted, changes
 * nothing. Each step is saved before the next, so a crash or redelivery resumes where it stopped.
 */
public class DocumentPusher {

    private static final Logger log = LoggerFactory.getLogger(DocumentPusher.class);

    /** The OData connection of a client's infobase and its catalog lookups. */
    public interface Infobases {
        Optional<Infobase> of(String clientId);

        ODataClient odata(Infobase infobase);

        io.settlehub.accounting.partner.onec.Catalogs catalogs(Infobase infobase);
    }

    private final Infobases infobases;
    private final OneCDocumentMapper mapper;
    private final PushedDocuments pushed;

    public DocumentPusher(Infobases infobases, OneCProperties.EntitySets sets, PushedDocuments pushed) {
        this.infobases = infobases;
        this.mapper = new OneCDocumentMapper(sets);
        this.pushed = pushed;
    }

    /** Answers what happened: created, updated, posted, unchanged or superseded. */
    public String push(String json) {
        HubDocument document = HubDocument.parse(json);
        Infobase infobase = infobases.of(document.clientId()).orElseThrow(() -> new PartnerRejectedException(
                "no 1C infobase is configured for client '" + document.clientId() + "' (hub.onec.infobases)"));
        String clientId = document.clientId();
        Optional<Pushed> before = pushed.get(clientId, document.documentId());
        if (before.isPresent() && before.get().version() > document.version()) {
            return superseded(document, before.get());
        }
        if (before.isPresent() && before.get().version() == document.version() && before.get().posted()) {
            return "unchanged";
        }
        ODataClient odata = infobases.odata(infobase);
        OneCEntity entity = mapper.map(document, infobase, infobases.catalogs(infobase));
        String outcome;
        String refKey;
        if (before.isPresent() && before.get().version() == document.version()) {
            refKey = before.get().refKey();
            outcome = "posted";
        } else {
            Optional<String> existing = before.map(Pushed::refKey).or(() -> odata.findKey(entity.entitySet(),
                    "Комментарий eq " + ODataClient.literal(entity.marker()) + " and DeletionMark eq false"));
            if (existing.isPresent()) {
                refKey = existing.get();
                odata.update(entity.entitySet(), refKey, entity.body());
                outcome = "updated";
            } else {
                refKey = odata.create(entity.entitySet(), entity.body());
                outcome = "created";
            }
            pushed.save(clientId, document.documentId(), new Pushed(refKey, document.version(), false));
        }
        odata.post(entity.entitySet(), refKey);
        pushed.save(clientId, document.documentId(), new Pushed(refKey, document.version(), true));
        log.info("{} {} v{} in 1C of {} as {}({}) and posted it", outcome, document.documentId(), document.version(), clientId,
                entity.entitySet(), refKey);
        return outcome;
    }

    private static String superseded(HubDocument document, Pushed newer) {
        log.info("{} v{} is older than v{} already in 1C: nothing to do", document.documentId(), document.version(), newer.version());
        return "superseded";
    }
}
