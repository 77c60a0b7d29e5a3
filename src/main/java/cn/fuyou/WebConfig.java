package cn.fuyou;

import java.io.IOException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/** Serves the Vue apps; paths an app routes itself (e.g. /persons/…) get its index.html (the staff desk's, or /m/'s). */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .resourceChain(true)
                .addResolver(new PathResourceResolver() {
                    @Override
                    protected Resource getResource(String path, Resource location) throws IOException {
                        Resource requested = location.createRelative(path);
                        if (requested.exists() && requested.isReadable()) return requested;
                        boolean server = path.startsWith("api/") || path.startsWith("fhir") || path.startsWith("cds-services")
                                || path.startsWith("actuator") || path.contains(".");
                        if (server) return null;
                        // the mother's app and the doctor's home visits (issue 12): a second single-page app at /m/
                        if (path.equals("m") || path.startsWith("m/")) return new ClassPathResource("/static/m/index.html");
                        return new ClassPathResource("/static/index.html");
                    }
                });
    }
}
