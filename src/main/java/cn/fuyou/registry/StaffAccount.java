package cn.fuyou.registry;

import cn.fuyou.shared.Actor;
import cn.fuyou.shared.StaffRole;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A staff member's login account, linked to one institution. */
public record StaffAccount(UUID id, String username, String passwordHash, String displayName, UUID institutionId,
                           String institutionCode, String institutionNameZh, String institutionNameEn, StaffRole role,
                           String areaCode, boolean enabled, int failedAttempts, OffsetDateTime lockedUntil) {

    public boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public Actor actor() {
        return new Actor(username, displayName, role, institutionId, institutionCode, areaCode);
    }
}
