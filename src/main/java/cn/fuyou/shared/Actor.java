package cn.fuyou.shared;

import java.io.Serializable;
import java.security.Principal;
import java.util.UUID;

/** The signed-in staff member or integration token: who acts, for which institution, in which area. */
public record Actor(String username, String displayName, StaffRole role, UUID institutionId,
                    String institutionCode, String areaCode) implements Principal, Serializable {

    @Override
    public String getName() {
        return username;
    }

    public boolean isSystemAdmin() {
        return role == StaffRole.SYSTEM_ADMIN;
    }
}
