package cn.fuyou.maternal.internal;

import cn.fuyou.maternal.rules.RiskRuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a copy of the configured five-colour rule set ({@code fuyou.rules.pregnancy-risk}) in the
 * database at start-up, as of every version used, so that each stored grading's version can be read.
 */
@Component
class RuleSetStore {

    private static final Logger log = LoggerFactory.getLogger(RuleSetStore.class);

    private final JdbcClient jdbc;
    private final RiskRuleSet rules;

    RuleSetStore(JdbcClient jdbc, RiskRuleSet rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    @EventListener(ApplicationStartedEvent.class)
    void store() {
        jdbc.sql("insert into rule_set (version, kind, source, content) values (?, 'PREGNANCY_RISK', ?, cast(? as jsonb)) on conflict do nothing")
                .params(rules.version(), rules.source(), rules.json()).update();
        log.info("Pregnancy risk rule set {} in use", rules.version());
    }
}
