package cn.fuyou.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.shared.CurrentActor;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clinical resources hospitals sent, kept as received (issue 16 §8): the JSON untouched, found
 * by patient, code, date and last update. Callers check the caller's right to the person first
 * (the registry's {@code open}, which audits the read); this class only stores and finds.
 */
@Component
public class ReceivedResources {

    /** One resource to keep: {@code json} is its UTF-8 text exactly as received. */
    record Row(String type, String sourceId, UUID personId, List<String> codes, OffsetDateTime effective, byte[] json) {}

    private final JdbcClient jdbc;
    private final FhirContext fhir;
    private final AuditLog audit;

    ReceivedResources(JdbcClient jdbc, FhirContext fhir, AuditLog audit) {
        this.jdbc = jdbc;
        this.fhir = fhir;
        this.audit = audit;
    }

    /**
     * Keeps the rows in one statement (arrays unnested by PostgreSQL); a resource received again
     * under the same source id replaces the earlier copy. Audited once per person. The resources go as
     * bytes (bytea, made text by PostgreSQL): encoding each again from a Java string was a fifth of the import's CPU.
     */
    int keep(List<Row> received, UUID importJob) {
        if (received.isEmpty()) return 0;
        // The same resource twice in one batch: the later copy wins (one row per person, type and source id).
        Map<String, Row> unique = new LinkedHashMap<>();
        for (Row r : received) unique.put(r.personId() + "|" + r.type() + "|" + r.sourceId(), r);
        List<Row> rows = List.copyOf(unique.values());
        int n = rows.size();
        String[] ids = new String[n];
        String[] types = new String[n];
        String[] sources = new String[n];
        String[] persons = new String[n];
        String[] codes = new String[n];
        String[] effective = new String[n];
        byte[][] json = new byte[n][];
        Map<UUID, Integer> perPerson = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            ids[i] = UUID.randomUUID().toString();
            types[i] = r.type();
            sources[i] = r.sourceId();
            persons[i] = r.personId().toString();
            codes[i] = codesLiteral(r.codes());
            effective[i] = r.effective() == null ? null : r.effective().toString();
            json[i] = r.json();
            perPerson.merge(r.personId(), 1, Integer::sum);
        }
        String by = CurrentActor.get().username();
        int stored = jdbc.sql("""
                insert into received_resource (id, resource_type, source_id, person_id, codes, effective, resource, import_job_id, received_by)
                select id, type, source, person, codes::text[], eff, convert_from(doc, 'UTF8')::json, ?, ?
                  from unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::timestamptz[], ?::bytea[])
                       as t (id, type, source, person, codes, eff, doc)
                on conflict (person_id, resource_type, source_id) do update
                   set resource = excluded.resource, codes = excluded.codes, effective = excluded.effective,
                       last_updated = now(), import_job_id = excluded.import_job_id, received_by = excluded.received_by
                 where received_resource.resource::text is distinct from excluded.resource::text""")
                .params(importJob, by, ids, types, sources, persons, codes, effective, json)
                .update();
        perPerson.forEach((person, count) -> audit.record(AuditRecord.write("RECEIVE", "ReceivedResource", person, person,
                Map.of("resources", count))));
        return stored;
    }

    /** A PostgreSQL array literal of the codes (each quoted), e.g. {"http://loinc.org|8302-2","8302-2"}. */
    private static String codesLiteral(List<String> codes) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < codes.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append('"').append(codes.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }

    /** The person a kept resource is about, if it exists and has that type. */
    Optional<UUID> personOf(String type, UUID id) {
        return jdbc.sql("select person_id from received_resource where id = ? and resource_type = ?").params(id, type)
                .query(UUID.class).optional();
    }

    /**
     * What a search finds: her kept resources of the type (null: every kept type) matching code, date and
     * last update — counted, and read a page at a time in (type, date, id) order.
     */
    Found find(String type, UUID person, TokenOrListParam code, DateRangeParam date, DateRangeParam lastUpdated) {
        StringBuilder where = new StringBuilder(" where person_id = ?");
        List<Object> params = new ArrayList<>(List.of(person));
        if (type != null) {
            where.append(" and resource_type = ?");
            params.add(type);
        }
        if (code != null && !code.getValuesAsQueryTokens().isEmpty()) {
            where.append(" and codes && ?::text[]");
            params.add(code.getValuesAsQueryTokens().stream().map(ReceivedResources::token).toArray(String[]::new));
        }
        range(where, params, "effective", date);
        range(where, params, "last_updated", lastUpdated);
        return new Found(where.toString(), List.copyOf(params));
    }

    /** A search's kept resources, never listed whole: a page is one query, the count another (made once). */
    final class Found {
        private final String where;
        private final List<Object> params;
        private Integer size;

        private Found(String where, List<Object> params) {
            this.where = where;
            this.params = params;
        }

        int size() {
            if (size == null) size = jdbc.sql("select count(*) from received_resource" + where).params(params).query(Integer.class).single();
            return size;
        }

        /** The resources from {@code offset} (0-based), at most {@code count}, parsed as {@link #load} gives one. */
        List<Resource> page(int offset, int count) {
            if (count <= 0) return List.of();
            List<Object> p = new ArrayList<>(params);
            p.add(count);
            p.add(offset);
            var parser = fhir.newJsonParser();
            return jdbc.sql("select id, person_id, last_updated, resource::text as doc from received_resource" + where
                            + " order by resource_type, effective, id limit ? offset ?")
                    .params(p).query((rs, n) -> resource(parser, rs)).list();
        }
    }

    private static String token(TokenParam t) {
        return t.getSystem() == null || t.getSystem().isEmpty() ? t.getValue() : t.getSystem() + "|" + t.getValue();
    }

    private static void range(StringBuilder sql, List<Object> params, String column, DateRangeParam range) {
        if (range == null) return;
        Date lower = range.getLowerBoundAsInstant();
        Date upper = range.getUpperBoundAsInstant();
        if (lower != null) {
            sql.append(" and ").append(column).append(" >= ?");
            params.add(new Timestamp(lower.getTime()));
        }
        if (upper != null) {
            sql.append(" and ").append(column).append(" <= ?");
            params.add(new Timestamp(upper.getTime()));
        }
    }

    /** A kept resource, parsed, with fuyou's id, its last update and the patient reference pointing at fuyou's Patient. */
    Resource load(UUID id) {
        var parser = fhir.newJsonParser();
        return jdbc.sql("select id, person_id, last_updated, resource::text as doc from received_resource where id = ?").param(id)
                .query((rs, n) -> resource(parser, rs)).single();
    }

    private static Resource resource(ca.uhn.fhir.parser.IParser parser, java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Resource r = (Resource) parser.parseResource(rs.getString("doc"));
        r.setId(id.toString());
        r.getMeta().setLastUpdated(Date.from(rs.getObject("last_updated", OffsetDateTime.class).toInstant()));
        pointAt(r, rs.getObject("person_id", UUID.class));
        return r;
    }

    /** The reference to the person the resource is about becomes fuyou's Patient/{id}; other references stay as received. */
    private static void pointAt(Resource r, UUID person) {
        for (String field : new String[] {"subject", "patient", "beneficiary"}) {
            var property = r.getNamedProperty(field);
            if (property != null && property.hasValues() && property.getValues().get(0) instanceof Reference ref) {
                ref.setReference("Patient/" + person);
                return;
            }
        }
    }
}
