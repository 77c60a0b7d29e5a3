package cn.fuyou.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Source: issue 2 §5 — append-only audit of writes and reads, searchable by admins. */
class AuditTrailTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    @Test
    @DisplayName("the audit table refuses UPDATE and DELETE")
    void appendOnly() {
        signIn("cqfy-doctor"); // makes sure there is at least one event (LOGIN)
        assertThatThrownBy(() -> jdbc.sql("update audit_event set username = 'x'").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update()).hasMessageContaining("append-only");
    }

    @Test
    @DisplayName("admins search by user and action; institution admins see only their institution's events")
    void search() {
        signIn("hc-doctor").get("/api/persons?q=王");
        ApiClient admin = signIn("admin");
        var r = admin.get("/api/audit?username=hc-doctor&action=search");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/total").asLong()).isPositive();
        assertThat(r.body().at("/items").findValuesAsText("action")).isNotEmpty().allMatch("SEARCH"::equals);
        assertThat(r.text("/items/0/clientIp")).isNotBlank();

        var scoped = signIn("cqfy-admin").get("/api/audit?username=hc-doctor");
        assertThat(scoped.at("/total").asLong()).as("hc-doctor works elsewhere").isZero();
    }
}
