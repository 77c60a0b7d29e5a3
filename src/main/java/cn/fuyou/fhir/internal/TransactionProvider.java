package cn.fuyou.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /fhir} with a transaction Bundle: all or nothing, through {@link TransactionImport}.
 * The response has one entry per request entry (its status says whether it was stored, kept as
 * received or not kept, and why) and, last, the import report as an OperationOutcome.
 */
@Component
public class TransactionProvider {

    static final String REPORT_URL = "urn:fuyou:import-report";

    private final TransactionImport imports;
    private final TransactionTemplate tx;
    private final FhirContext fhir;
    private final ObjectMapper json = new ObjectMapper();

    TransactionProvider(TransactionImport imports, TransactionTemplate tx, FhirContext fhir) {
        this.imports = imports;
        this.tx = tx;
        this.fhir = fhir;
    }

    @Transaction
    public Bundle transaction(@TransactionParam Bundle bundle) {
        if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
            throw new InvalidRequestException("Bundle.type must be transaction");
        }
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            var entry = bundle.getEntry().get(i);
            if (!entry.hasResource() || entry.getResource().isEmpty()) {
                throw new InvalidRequestException("Bundle.entry[" + i + "].resource is required and may not be empty");
            }
        }
        var entries = IncomingBundles.entries(tree(bundle));
        TransactionImport.Result result = tx.execute(s -> imports.run(entries, new HashMap<>(), null));
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            String status = i < result.status().size() && result.status().get(i) != null ? result.status().get(i) : "200 OK";
            response.addEntry().getResponse().setStatus(status).setLocation(i < result.location().size() ? result.location().get(i) : null);
        }
        response.addEntry().setFullUrl(REPORT_URL).setResource(result.report().toOperationOutcome()).getResponse().setStatus("200 OK");
        return response;
    }

    private com.fasterxml.jackson.databind.JsonNode tree(Bundle bundle) {
        try {
            return json.readTree(fhir.newJsonParser().encodeResourceToString(bundle));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
