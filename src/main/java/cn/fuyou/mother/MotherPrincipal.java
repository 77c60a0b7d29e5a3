package cn.fuyou.mother;

import java.io.Serializable;
import java.security.Principal;
import java.util.UUID;

/**
 * A woman signed in to her own app: not a staff {@link cn.fuyou.shared.Actor}, so no staff API
 * accepts her (the security module refuses her session outside /api/mother/). {@code authVersion} is her
 * account's at sign-in: a new password or a disabled account ends the session.
 */
public record MotherPrincipal(UUID accountId, UUID personId, String displayName, long authVersion)
        implements Principal, Serializable {

    public static final String ROLE = "ROLE_MOTHER";

    /** How she appears in the audit trail. */
    @Override
    public String getName() {
        return "mother:" + personId;
    }
}
