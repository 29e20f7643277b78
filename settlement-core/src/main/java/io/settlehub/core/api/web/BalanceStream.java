package io.settlehub.core.api.web;

import io.settlehub.core.notify.LiveBalances;
import io.settlehub.core.security.Callers;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events: every balance or payment change of the client, as its notification JSON, while the page is open and
 * the caller's token is valid.
 */
@RestController
class BalanceStream {

    private static final long ONE_HOUR = 3_600_000L;

    private final LiveBalances live;

    BalanceStream(LiveBalances live) {
        this.live = live;
    }

    @GetMapping(path = "/api/clients/{clientId}/balances/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String clientId) throws IOException {
        SseEmitter emitter = new SseEmitter(ONE_HOUR);
        Runnable stop = live.watch(clientId, Callers.name(), json -> {
            try {
                emitter.send(SseEmitter.event().name("notification").data(json, MediaType.APPLICATION_JSON));
            } catch (IOException e) {
                throw new LiveBalances.Gone(e);
            }
        }, emitter::complete);
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(e -> stop.run());
        emitter.send(SseEmitter.event().comment("watching " + clientId));
        return emitter;
    }
}
