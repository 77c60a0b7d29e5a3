package cn.fuyou.defects;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.defects.internal.ListScope;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Laboratories' parameter sets for the §7 multivariate risk, entered as versioned data: a set is
 * never changed once stored (a new version is a new row), so a computed risk's parameter set still
 * says what made it. An illustrative set is labelled as one wherever it is shown.
 */
@Service
public class ParameterSets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final ListScope scope;
    private final AuditLog audit;

    ParameterSets(JdbcClient jdbc, ListScope scope, AuditLog audit) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
    }

    public record ParameterSetView(UUID id, String code, String version, String institutionCode, boolean illustrative,
                                   String labelZh, String labelEn, List<String> markers, List<String> conditions, boolean active,
                                   OffsetDateTime createdAt, String createdBy, JsonNode body) {}

    public record NewParameterSet(@NotNull JsonNode body, @Size(max = 200) @NotBlank String labelZh, @Size(max = 200) @NotBlank String labelEn,
                                  Boolean illustrative) {}

    public List<ParameterSetView> list() {
        return jdbc.sql("""
                select s.*, i.code as institution_code from screening_parameter_set s left join institution i on i.id = s.institution_id
                 order by s.active desc, s.code, s.version desc""").query((rs, n) -> view(rs)).list();
    }

    public Optional<ParameterSetView> find(String codeAtVersion) {
        if (codeAtVersion == null || !codeAtVersion.contains("@")) return Optional.empty();
        String code = codeAtVersion.substring(0, codeAtVersion.lastIndexOf('@'));
        String version = codeAtVersion.substring(codeAtVersion.lastIndexOf('@') + 1);
        return jdbc.sql("""
                select s.*, i.code as institution_code from screening_parameter_set s left join institution i on i.id = s.institution_id
                 where s.code = ? and s.version = ?""").params(code, version).query((rs, n) -> view(rs)).optional();
    }

    /** The parameters of a stored set, as the calculation reads them. */
    public MarkerParameters parameters(ParameterSetView v) {
        return MarkerParameters.parse(v.body());
    }

    /** A laboratory enters its parameter set (a new code or a new version of its own code). */
    @Transactional
    public ParameterSetView create(NewParameterSet f) {
        Actor actor = scope.writer();
        MarkerParameters p;
        try {
            p = MarkerParameters.parse(f.body());
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("body", "defects.parameters.invalid", e.getMessage());
        }
        boolean illustrative = Boolean.TRUE.equals(f.illustrative()) || p.illustrative();
        ObjectNode body = f.body().deepCopy();
        body.put("illustrative", illustrative);
        if (find(p.code() + "@" + p.version()).isPresent()) throw ApiException.badField("body.version", "defects.parameters.duplicate", p.code(), p.version());
        UUID id = insert(p.code(), p.version(), actor.institutionId(), illustrative, f.labelZh(), f.labelEn(), body, actor.username());
        audit.record(AuditRecord.write("CREATE", "ScreeningParameterSet", id, null, Map.of("code", p.code(), "version", p.version())));
        return find(p.code() + "@" + p.version()).orElseThrow();
    }

    /** For the demo loader: stores a shipped set if it is not there yet. */
    public UUID ensure(JsonNode body, String labelZh, String labelEn, String by) {
        MarkerParameters p = MarkerParameters.parse(body);
        return find(p.code() + "@" + p.version()).map(ParameterSetView::id)
                .orElseGet(() -> insert(p.code(), p.version(), null, p.illustrative(), labelZh, labelEn, body, by));
    }

    private UUID insert(String code, String version, UUID institution, boolean illustrative, String zh, String en, JsonNode body, String by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into screening_parameter_set (id, code, version, institution_id, illustrative, label_zh, label_en, body, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
                .params(id, code, version, institution, illustrative, zh, en, body.toString(), by).update();
        return id;
    }

    private static ParameterSetView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        JsonNode body;
        try {
            body = JSON.readTree(rs.getString("body"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> markers = new java.util.ArrayList<>();
        body.path("markers").fieldNames().forEachRemaining(markers::add);
        List<String> conditions = new java.util.ArrayList<>();
        body.path("conditions").fieldNames().forEachRemaining(conditions::add);
        return new ParameterSetView(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("version"),
                rs.getString("institution_code"), rs.getBoolean("illustrative"), rs.getString("label_zh"), rs.getString("label_en"),
                markers, conditions, rs.getBoolean("active"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), body);
    }
}
