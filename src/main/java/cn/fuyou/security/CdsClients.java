package cn.fuyou.security;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.StaffRole;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CDS Hooks 2.0 client authentication: a registered EMR signs each call with a JWT (iss, aud = the
 * service URL, exp, jti) using a key from the JWK Set it registered. Verified with nimbus-jose-jwt.
 */
@Service
public class CdsClients {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    CdsClients(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public UUID register(String iss, String name, UUID institutionId, String jwks) {
        try {
            if (JWKSet.parse(jwks).getKeys().stream().anyMatch(JWK::isPrivate)) {
                throw ApiException.badField("jwks", "only public keys may be registered");
            }
        } catch (ParseException e) {
            throw ApiException.badField("jwks", "not a JWK Set: " + e.getMessage());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into cds_client (id, iss, name, institution_id, jwks, created_by) values (?, ?, ?, ?, cast(? as jsonb), ?)")
                .params(id, iss, name, institutionId, jwks, CurrentActor.orSystem().username()).update();
        audit.record(AuditRecord.write("CREATE", "CdsClient", id, null, Map.of("iss", iss)));
        return id;
    }

    public record Listed(UUID id, String iss, String name, String institutionCode, java.time.OffsetDateTime createdAt, String createdBy,
                         java.time.OffsetDateTime revokedAt, String revokedBy) {}

    public java.util.List<Listed> list() {
        return jdbc.sql("""
                select c.id, c.iss, c.name, i.code, c.created_at, c.created_by, c.revoked_at, c.revoked_by
                  from cds_client c join institution i on i.id = c.institution_id order by c.created_at desc""")
                .query((rs, n) -> new Listed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, java.time.OffsetDateTime.class), rs.getString(6), rs.getObject(7, java.time.OffsetDateTime.class),
                        rs.getString(8)))
                .list();
    }

    /** Revokes a client: its next call is 401, whatever key it signs with. */
    @Transactional
    public void revoke(UUID id) {
        int n = jdbc.sql("update cds_client set revoked_at = now(), revoked_by = ? where id = ? and revoked_at is null")
                .params(CurrentActor.get().username(), id).update();
        if (n == 0 && jdbc.sql("select count(*) from cds_client where id = ?").param(id).query(Long.class).single() == 0) {
            throw ApiException.notFound("CDS client", id);
        }
        audit.record(AuditRecord.write("REVOKE", "CdsClient", id, null, Map.of()));
    }

    /**
     * CDS Hooks 2.0 requires a unique {@code jti}: one seen before within its lifetime is a replay and
     * is refused. Ids are kept until their JWT expires.
     */
    private boolean firstUse(String iss, String jti, Date expires) {
        if (jti == null || jti.isBlank() || jti.length() > 256) return false;
        jdbc.sql("delete from cds_jwt_seen where expires_at < now()").update();
        return jdbc.sql("insert into cds_jwt_seen (iss, jti, expires_at) values (?, ?, ?) on conflict do nothing")
                .params(iss, jti, new java.sql.Timestamp(expires.getTime())).update() == 1;
    }

    /** The client's actor when the JWT verifies for this audience; empty otherwise. */
    Optional<Actor> verify(String jwt, String audience) {
        try {
            SignedJWT token = SignedJWT.parse(jwt);
            var claims = token.getJWTClaimsSet();
            if (claims.getExpirationTime() == null || claims.getExpirationTime().before(new Date())) return Optional.empty();
            if (claims.getAudience() == null || !claims.getAudience().contains(audience)) return Optional.empty();
            record Client(String name, UUID institutionId, String code, String area, String jwks) {}
            Optional<Client> client = jdbc.sql("""
                    select c.name, c.institution_id, i.code, i.area_code, c.jwks::text from cds_client c join institution i on i.id = c.institution_id
                     where c.iss = ? and c.revoked_at is null""")
                    .param(claims.getIssuer()).query((rs, n) -> new Client(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5))).optional();
            if (client.isEmpty()) return Optional.empty();
            for (JWK key : JWKSet.parse(client.get().jwks()).getKeys()) {
                if (token.getHeader().getKeyID() != null && !token.getHeader().getKeyID().equals(key.getKeyID())) continue;
                JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(token.getHeader(),
                        key.getKeyType().getValue().equals("RSA") ? key.toRSAKey().toPublicKey() : key.toECKey().toPublicKey());
                if (token.verify(verifier)) {
                    if (!firstUse(claims.getIssuer(), claims.getJWTID(), claims.getExpirationTime())) return Optional.empty();
                    return Optional.of(new Actor("cds:" + claims.getIssuer(), client.get().name(), StaffRole.CLINICIAN,
                            client.get().institutionId(), client.get().code(), client.get().area()));
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
