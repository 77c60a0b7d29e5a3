package cn.fuyou.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A plain HAPI FHIR R4 server at /fhir (not the JPA server): thin providers over fuyou's modules.
 * It sits behind the same Spring Security chain as the API, so scoping and audit are the same.
 */
@Configuration(proxyBeanMethods = false)
class FhirServer {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext ctx, PatientProvider patients, OrganizationProvider organizations,
                                                       MaternalProviders.EpisodeOfCareProvider episodes,
                                                       MaternalProviders.RiskAssessmentProvider risks,
                                                       MaternalProviders.ObservationProvider observations,
                                                       MoreProviders.RelatedPersonProvider related,
                                                       MoreProviders.ConditionProvider conditions,
                                                       MoreProviders.EncounterProvider encounters,
                                                       MoreProviders.ServiceRequestProvider serviceRequests,
                                                       MoreProviders.EverythingProvider everything,
                                                       TransactionProvider transactions, LocationProvider locations) {
        RestfulServer server = new RestfulServer(ctx);
        server.setResourceProviders(List.of(patients, organizations, episodes, risks, observations, related, conditions, encounters,
                serviceRequests, locations));
        server.registerProvider(transactions);
        server.registerProvider(everything);
        server.registerInterceptor(new FhirErrors());
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
