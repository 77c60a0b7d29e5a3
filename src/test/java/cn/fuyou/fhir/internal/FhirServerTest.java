package cn.fuyou.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The FHIR servlet names its providers' types without HAPI's model scan at start (restart time): the same names. */
class FhirServerTest {

    @Test
    @DisplayName("resourceName (from @ResourceDef) is HAPI's name for every R4 resource type")
    void namesAsHapi() {
        FhirContext ctx = FhirContext.forR4Cached();
        assertThat(ctx.getResourceTypes()).hasSizeGreaterThan(140);
        for (String type : ctx.getResourceTypes()) {
            Class<? extends org.hl7.fhir.instance.model.api.IBaseResource> cls = ctx.getResourceDefinition(type).getImplementingClass();
            assertThat(FhirServer.resourceName(cls)).as(cls.getName()).isEqualTo(ctx.getResourceType(cls)).isEqualTo(type);
        }
        assertThat(ReceivedTypes.CLINICAL).allSatisfy(t -> assertThat(ctx.getResourceTypes()).contains(t));
    }
}
