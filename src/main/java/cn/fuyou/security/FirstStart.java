package cn.fuyou.security;

import cn.fuyou.registry.InstitutionChange;
import cn.fuyou.registry.InstitutionType;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.StaffAccounts;
import cn.fuyou.shared.StaffRole;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outside the demo profile there are no default passwords: the first start creates one system
 * admin with a random password and prints it once (it is not stored anywhere in clear).
 */
@Component
class FirstStart {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    static final String PLATFORM_CODE = "PLATFORM";

    private final StaffAccounts accounts;
    private final Institutions institutions;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;

    FirstStart(StaffAccounts accounts, Institutions institutions, PasswordEncoder encoder, TransactionTemplate tx) {
        this.accounts = accounts;
        this.institutions = institutions;
        this.encoder = encoder;
        this.tx = tx;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100) // after the demo data, which brings its own users
    void createAdminIfNone() {
        if (accounts.count() > 0) return;
        String password = randomPassword();
        tx.executeWithoutResult(s -> {
            if (institutions.find(PLATFORM_CODE).isEmpty()) {
                institutions.create(new InstitutionChange(PLATFORM_CODE, "平台运维", "Platform operations", "500000", null, 3,
                        InstitutionType.MCH_INSTITUTE, null, null, null, null));
            }
            accounts.create(new StaffAccounts.NewAccount("admin", encoder.encode(password), "系统管理员 System admin",
                    PLATFORM_CODE, StaffRole.SYSTEM_ADMIN, "500000"));
        });
        log.warn("""

                ==========================================================================
                 First start: created system admin 'admin' with password: {}
                 It is shown only this once. Sign in and create the real accounts.
                ==========================================================================""", password);
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return sb.toString();
    }
}
