package cn.fuyou.mother;

import java.io.Serializable;
import java.security.Principal;
import java.util.UUID;

/**
 * A woman signed in to her own app: not a staff {@link cn.fuyou.shared.Actor}, so no staff API
 * accepts her; her authority makes her the access tables' subject {@code MOTHER}, which only her app's
 * entries (access/mother.json) admit. {@code authVersion} is her
 * account's at sign-in: a new password or a disabled account ends the session.
 */
public record MotherPrincipal(UUID accountId, UUID personId, String displayName, long authVersion)
        implements Principal, Serializable {

    public static final String ROLE = cn.fuyou.security.AccessPolicy.Subject.MOTHER_AUTHORITY;

    /** How she appears in the audit trail. */
    @Override
    public String getName() {
        return "mother:" + personId;
    }
}
