package cn.fuyou.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.annotation.ResourceDef;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A plain HAPI FHIR R4 server at /fhir (not the JPA server): one thin provider per resource type
 * over fuyou's modules and translators, plus one {@link ReceivedResourceProvider} per clinical type
 * fuyou keeps only as received. It sits behind the same Spring Security chain as the API.
 */
@Configuration(proxyBeanMethods = false)
class FhirServer {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext ctx, List<IResourceProvider> providers, TransactionProvider transactions,
                                                       EverythingProvider everything, PersonRecords records, ReceivedResources received) {
        RestfulServer server = new RestfulServer(ctx);
        List<IResourceProvider> all = new ArrayList<>(providers);
        // named as HAPI names them (@ResourceDef), without making HAPI scan its whole R4 model here: that scan (seconds
        // on a busy machine) belongs to the servlet's initialisation, which FhirServerWarmUp runs after the ready line
        Set<String> covered = providers.stream().map(p -> resourceName(p.getResourceType())).collect(Collectors.toSet());
        ReceivedTypes.CLINICAL.stream().filter(t -> !covered.contains(t)).sorted()
                .forEach(t -> all.add(new ReceivedResourceProvider(ctx, t, records, received)));
        server.setResourceProviders(all);
        server.registerProvider(transactions);
        server.registerProvider(everything);
        server.registerInterceptor(new FhirErrors());
        server.registerInterceptor(new WholeResponseWrites());
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.setDefaultPrettyPrint(false);
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(200);
        paging.setDefaultPageSize(20);
        paging.setMaximumPageSize(200);
        server.setPagingProvider(paging);
        server.setServerName("fuyou 妇幼");
        ServletRegistrationBean<RestfulServer> bean = new ServletRegistrationBean<>(server, "/fhir/*");
        bean.setName(SERVLET_NAME);
        // not loadOnStartup: initialised by FhirServerWarmUp in the background once fuyou is ready (or by the first request
        // to /fhir if that comes first), so that HAPI's model scan is off the start's critical path
        return bean;
    }

    static final String SERVLET_NAME = "fhir";

    /** The resource type's name as HAPI's model scanner takes it: from the class's {@link ResourceDef}. */
    static String resourceName(Class<? extends IBaseResource> type) {
        ResourceDef def = type.getAnnotation(ResourceDef.class);
        if (def == null || def.name().isBlank()) throw new IllegalStateException(type.getName() + " has no @ResourceDef name");
        return def.name();
    }
}
