package cn.fuyou.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
        Set<String> covered = providers.stream().map(p -> ctx.getResourceType(p.getResourceType())).collect(Collectors.toSet());
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
        bean.setName("fhir");
        bean.setLoadOnStartup(1);
        return bean;
    }
}
