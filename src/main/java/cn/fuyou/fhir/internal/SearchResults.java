package cn.fuyou.fhir.internal;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.method.ResponsePage;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Resource;

/**
 * A search result over one person's record: the resources fuyou derives (built already, they are
 * few) followed by the resources kept as received, read from the database only for the page asked
 * for — so a long record pages with _count and next links without listing or parsing all of it.
 */
final class SearchResults implements IBundleProvider {

    private final List<Resource> derived;
    private final ReceivedResources.Found received;
    private final Date published = new Date();
    /** Who searched: the next pages (kept by the paging provider under a random id) are served to them only. */
    private final String owner = cn.fuyou.shared.CurrentActor.get().username();

    SearchResults(List<? extends Resource> derived, ReceivedResources.Found received) {
        this.derived = List.copyOf(derived);
        this.received = received;
    }

    @Override
    public IPrimitiveType<Date> getPublished() {
        return new InstantType(published);
    }

    @Override
    public List<IBaseResource> getResources(int from, int to) {
        if (!owner.equals(cn.fuyou.shared.CurrentActor.get().username())) {
            throw new ca.uhn.fhir.rest.server.exceptions.ResourceGoneException("this page belongs to another user's search");
        }
        List<IBaseResource> out = new ArrayList<>();
        int end = Math.min(to, size());
        for (int i = from; i < Math.min(end, derived.size()); i++) out.add(derived.get(i));
        int rFrom = Math.max(0, from - derived.size());
        int rTo = Math.max(0, end - derived.size());
        if (rTo > rFrom) out.addAll(received.page(rFrom, rTo - rFrom));
        return out;
    }

    @Override
    public List<IBaseResource> getResources(int from, int to, ResponsePage.ResponsePageBuilder builder) {
        return getResources(from, to);
    }

    @Override
    public String getUuid() {
        return null;
    }

    @Override
    public Integer preferredPageSize() {
        return null;
    }

    @Override
    public Integer size() {
        return derived.size() + received.size();
    }
}
