package cn.fuyou.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: issue 5 §5 — registered EMR clients authenticate with CDS Hooks 2.0 JWTs (RS384, aud = the service URL). */
class CdsHooksJwtTest extends IntegrationTest {

    private static final String BODY = "{\"hook\":\"patient-view\",\"hookInstance\":\"" + UUID.randomUUID() + "\",\"context\":{\"patientId\":\"1\"},"
            + "\"prefetch\":{\"patient\":{\"resourceType\":\"Patient\",\"gender\":\"female\",\"birthDate\":\"1985-01-01\"}}}";

    private static String jwt(RSAKey key, String iss, String aud, long expiresInSeconds) throws Exception {
        var claims = new JWTClaimsSet.Builder().issuer(iss).audience(aud).jwtID(UUID.randomUUID().toString())
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + expiresInSeconds * 1000)).build();
        SignedJWT t = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(key.getKeyID()).build(), claims);
        t.sign(new RSASSASigner(key));
        return t.serialize();
    }

    @Test
    @DisplayName("a registered client's signed JWT is accepted; a wrong audience, an expired token or an unknown issuer is 401")
    void jwt() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("emr-1").generate();
        String iss = "https://emr.hechuan.example/" + UUID.randomUUID();
        @SuppressWarnings("unchecked")
        Map<String, Object> jwks = new ObjectMapper().readValue("{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}", Map.class);
        var reg = signIn("admin").post("/api/admin/cds-clients", Map.of("iss", iss, "name", "合川区妇幼 EMR", "institutionCode", "MCH-500117", "jwks", jwks));
        assertThat(reg.status()).as(reg.toString()).isEqualTo(201);
        String aud = "http://localhost:" + port + "/cds-services/fuyou-pregnancy-risk";

        ApiClient ok = anonymous().withoutCsrf().withBearer(jwt(key, iss, aud, 300));
        var card = ok.postRaw("/cds-services/fuyou-pregnancy-risk", BODY);
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.text("/cards/0/indicator")).as("aged 41: orange").isEqualTo("warning");

        assertThat(anonymous().withoutCsrf().withBearer(jwt(key, iss, "http://localhost:" + port + "/cds-services/other", 300))
                .postRaw("/cds-services/fuyou-pregnancy-risk", BODY).status()).isEqualTo(401);
        assertThat(anonymous().withoutCsrf().withBearer(jwt(key, iss, aud, -10))
                .postRaw("/cds-services/fuyou-pregnancy-risk", BODY).status()).isEqualTo(401);
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("emr-1").generate();
        assertThat(anonymous().withoutCsrf().withBearer(jwt(stranger, iss, aud, 300))
                .postRaw("/cds-services/fuyou-pregnancy-risk", BODY).status()).as("signed with another key").isEqualTo(401);
        assertThat(signIn("admin").post("/api/admin/cds-clients", Map.of("iss", iss + "x", "name", "x", "institutionCode", "CQHCWC",
                "jwks", new ObjectMapper().readValue("{\"keys\":[" + key.toJSONString() + "]}", Map.class))).status())
                .as("private keys are refused").isEqualTo(400);
    }
}
