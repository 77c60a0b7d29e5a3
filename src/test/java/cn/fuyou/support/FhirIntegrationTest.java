package cn.fuyou.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import cn.fuyou.security.ApiTokens;
import cn.fuyou.shared.StaffRole;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Base of the tests that talk to {@code /fhir} as a hospital's system would: a real HAPI client with an integration token. */
public abstract class FhirIntegrationTest extends IntegrationTest {

    protected static final FhirContext CTX = FhirContext.forR4Cached();

    @Autowired protected ApiTokens tokens;
    @Autowired protected TransactionTemplate tx;
    @Autowired protected JdbcClient jdbc;

    /** The FHIR endpoint's base URL. */
    protected String fhirBase() {
        return "http://localhost:" + port + "/fhir";
    }

    /** A client of an EMR of {@code institution} (a clinician's integration token named "EMR &lt;code&gt;"). */
    protected IGenericClient client(String institution) {
        return client("EMR", institution);
    }

    /** A client of {@code system} (EMR, LIS…) of {@code institution}: a clinician's integration token named "&lt;system&gt; &lt;code&gt;". */
    protected IGenericClient client(String system, String institution) {
        CTX.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        UUID inst = jdbc.sql("select id from institution where code = ?").param(institution).query(UUID.class).single();
        String token = tx.execute(s -> tokens.issue(system + " " + institution, inst, StaffRole.CLINICIAN, null)).token();
        IGenericClient c = CTX.newRestfulGenericClient(fhirBase());
        c.registerInterceptor(new BearerTokenAuthInterceptor(token));
        return c;
    }
}
