package cn.fuyou.shared.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Input PostgreSQL or date arithmetic cannot take is a 400 naming the field, never a 500 (issue 15
 * §3, found by fuzzing): strings with NUL characters (PostgreSQL text refuses U+0000) and dates
 * outside {@value #MIN_YEAR}–{@value #MAX_YEAR} (e.g. year ±999999999), in JSON bodies and in
 * query parameters alike.
 */
@Configuration(proxyBeanMethods = false)
public class InputBounds implements WebMvcConfigurer {

    public static final int MIN_YEAR = 1850;
    public static final int MAX_YEAR = 2200;

    public static LocalDate checked(LocalDate d) {
        if (d != null && (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR)) {
            throw new IllegalArgumentException("date " + d + " is outside " + MIN_YEAR + "–" + MAX_YEAR);
        }
        return d;
    }

    public static OffsetDateTime checked(OffsetDateTime t) {
        if (t != null && (t.getYear() < MIN_YEAR || t.getYear() > MAX_YEAR)) {
            throw new IllegalArgumentException("time " + t + " is outside " + MIN_YEAR + "–" + MAX_YEAR);
        }
        return t;
    }

    public static String checked(String s) {
        if (s != null && s.indexOf('\0') >= 0) throw new IllegalArgumentException("contains a NUL character (U+0000), which is not allowed");
        return s;
    }

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
