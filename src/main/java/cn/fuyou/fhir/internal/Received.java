package cn.fuyou.fhir.internal;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/** Reads of a resource that is either kept as received (id = a UUID) or derived from fuyou's record (a DerivedIds id). */
final class Received {

    private Received() {}

    static Resource read(ReceivedResources received, PersonRecords records, String type, IdType id,
                         BiFunction<UUID, UUID, List<? extends Resource>> derived) {
        String raw = id.getIdPart();
        if (DerivedIds.isUuid(raw)) {
            if (received == null) throw new ResourceNotFoundException(id);
            UUID uuid = UUID.fromString(raw);
            UUID person = received.personOf(type, uuid).orElseThrow(() -> new ResourceNotFoundException(id));
            records.open(person);
            return received.load(uuid);
        }
        String[] parts = raw == null ? null : DerivedIds.parts(raw);
        if (parts == null || derived == null) throw new ResourceNotFoundException(id);
        UUID owner;
        UUID part;
        try {
            owner = DerivedIds.uuid(parts[0]);
            part = DerivedIds.uuid(parts[1]);
        } catch (RuntimeException e) {
            throw new ResourceNotFoundException(id);
        }
        return derived.apply(owner, part).stream().filter(r -> raw.equals(r.getIdElement().getIdPart())).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }
}
