package cn.fuyou.network;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Server-sent events per institution: an inbox open in a browser learns of new and changed referrals at once. */
@Component
public class InboxStreams {

    private static final long TIMEOUT_MS = 30 * 60 * 1000L;
    private final Map<UUID, List<SseEmitter>> byInstitution = new ConcurrentHashMap<>();

    public SseEmitter open(UUID institutionId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        List<SseEmitter> list = byInstitution.computeIfAbsent(institutionId, k -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        emitter.onCompletion(() -> list.remove(emitter));
        emitter.onTimeout(() -> list.remove(emitter));
        emitter.onError(e -> list.remove(emitter));
        try {
            emitter.send(SseEmitter.event().name("hello").data("{}"));
        } catch (IOException e) {
            list.remove(emitter);
        }
        return emitter;
    }

    /**
     * At shutdown, before the web server drains its requests: open streams are completed, so a stop
     * does not wait for the graceful-shutdown timeout (30 s) on browsers that keep their inbox open.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        byInstitution.values().forEach(list -> list.forEach(emitter -> {
            try {
                emitter.complete();
            } catch (RuntimeException ignored) {
                // already completed or its connection is gone
            }
        }));
        byInstitution.clear();
    }

    /** After the commit, so a browser that reloads on the event sees the new state. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ReferralChanged e) {
        push(e.toInstitutionId(), e);
        push(e.fromInstitutionId(), e);
    }

    private void push(UUID institution, ReferralChanged e) {
        for (SseEmitter emitter : byInstitution.getOrDefault(institution, List.of())) {
            try {
                emitter.send(SseEmitter.event().name("referral")
                        .data(Map.of("referralId", e.referralId().toString(), "state", e.state().name())));
            } catch (IOException | IllegalStateException ex) {
                byInstitution.get(institution).remove(emitter);
            }
        }
    }
}
