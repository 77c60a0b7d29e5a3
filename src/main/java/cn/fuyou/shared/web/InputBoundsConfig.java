package cn.fuyou.shared.web;

import static cn.fuyou.shared.InputBounds.checked;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Applies {@link cn.fuyou.shared.InputBounds} to every request: JSON bodies (Jackson
 * deserializers) and query parameters / path variables (MVC converters).
 */
@Configuration(proxyBeanMethods = false)
class InputBoundsConfig implements WebMvcConfigurer {

    /** Registered by Spring Boot after the well-known modules, so these deserializers win over jsr310's. */
    @Bean
    SimpleModule fuyouInputBounds() {
        SimpleModule module = new SimpleModule("fuyou-input-bounds");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return checked(super.deserialize(p, ctxt));
            }
        });
        // a wrapper, not a subclass: jsr310's deserializers re-create themselves per property (createContextual)
        module.addDeserializer(LocalDate.class, new com.fasterxml.jackson.databind.JsonDeserializer<LocalDate>() {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return checked(LocalDateDeserializer.INSTANCE.deserialize(p, ctxt));
            }
        });
        module.addDeserializer(OffsetDateTime.class, new BoundedOffsetDateTime());
        return module;
    }

    /** jsr310's OffsetDateTime deserializer, bounded. */
    static final class BoundedOffsetDateTime extends com.fasterxml.jackson.databind.JsonDeserializer<OffsetDateTime> {
        private final InstantDeserializer<OffsetDateTime> delegate = InstantDeserializer.OFFSET_DATE_TIME;

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return checked(delegate.deserialize(p, ctxt));
        }
    }

    /** Query parameters and path variables: the same bounds. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, LocalDate.class, s -> s == null || s.isBlank() ? null : checked(LocalDate.parse(s.trim())));
        registry.addConverter(String.class, OffsetDateTime.class, s -> s == null || s.isBlank() ? null : checked(OffsetDateTime.parse(s.trim())));
    }
}
