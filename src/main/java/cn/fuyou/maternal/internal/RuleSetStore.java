package cn.fuyou.maternal.internal;

import cn.fuyou.maternal.RiskRuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Activates the configured five-colour rule set ({@code fuyou.rules.pregnancy-risk}) and keeps a
 * copy of every version used in the database, so that each stored grading's version can be read.
 */
@Component
class RuleSetStore {

    private static final Logger log = LoggerFactory.getLogger(RuleSetStore.class);

    private final JdbcClient jdbc;
    private final String version;

    RuleSetStore(JdbcClient jdbc, @Value("${fuyou.rules.pregnancy-risk:" + Rules.DEFAULT_RISK_RULES + "}") String version) {
        this.jdbc = jdbc;
        this.version = version;
    }

    @EventListener(ApplicationStartedEvent.class)
    void activate() {
        RiskRuleSet rules = RiskRuleSet.load(version);
        jdbc.sql("insert into rule_set (version, kind, source, content) values (?, 'PREGNANCY_RISK', ?, cast(? as jsonb)) on conflict do nothing")
                .params(rules.version(), rules.source(), rules.json()).update();
        Rules.activate(rules);
        log.info("Pregnancy risk rule set {} active", rules.version());
    }
}
