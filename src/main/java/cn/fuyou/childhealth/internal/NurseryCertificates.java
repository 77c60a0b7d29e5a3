package cn.fuyou.childhealth.internal;

import cn.fuyou.training.ExternalCertificates;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The certificates of nursery health-care staff, shown by the training module beside its own (issue 13 §3). */
@Component
class NurseryCertificates implements ExternalCertificates {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    NurseryCertificates(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<Held> expiringBetween(LocalDate from, LocalDate until) {
        return all(null).stream().filter(h -> h.expiresOn() != null && !h.expiresOn().isBefore(from) && !h.expiresOn().isAfter(until)).toList();
    }

    @Override
    public List<Held> heldAt(UUID institutionId) {
        return all(institutionId);
    }

    private List<Held> all(UUID nursery) {
        List<Held> out = new ArrayList<>();
        jdbc.sql("select name, nursery_id, certificates::text from nursery_staff where left_on is null"
                        + (nursery == null ? "" : " and nursery_id = ?"))
                .params(nursery == null ? List.of() : List.of(nursery))
                .query((rs, n) -> {
                    try {
                        for (JsonNode c : json.readTree(rs.getString(3))) {
                            LocalDate issued = c.hasNonNull("issuedOn") ? LocalDate.parse(c.get("issuedOn").asText()) : null;
                            LocalDate expires = c.hasNonNull("expiresOn") ? LocalDate.parse(c.get("expiresOn").asText()) : null;
                            out.add(new Held("NURSERY", rs.getString(1), rs.getObject(2, UUID.class), c.path("title").asText(), issued, expires));
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return null;
                }).list();
        return out;
    }
}
