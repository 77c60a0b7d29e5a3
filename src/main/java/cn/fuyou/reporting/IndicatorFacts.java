package cn.fuyou.reporting;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * How modules feed the statistics: inside the transaction that writes a record, the module states
 * every fact that record contributes now. Replacing (not appending) keeps the figures right when a
 * record is corrected or voided — an empty collection removes the record from every measure.
 */
public interface IndicatorFacts {

    /**
     * @param sourceKind what kind of record, e.g. {@code delivery}, {@code newborn}, {@code critical_case}
     * @param sourceId   the record's id; each (sourceKind, sourceId, measure) is counted at most once
     */
    void replace(String sourceKind, UUID sourceId, Collection<IndicatorFact> facts);

    /** The same for many records of one kind at once (bulk loads, recounts): one delete and one insert. */
    default void replaceAll(String sourceKind, Map<UUID, ? extends Collection<IndicatorFact>> factsBySource) {
        factsBySource.forEach((id, facts) -> replace(sourceKind, id, facts));
    }
}
