package cn.fuyou.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One message source for every module: {@code messages*.properties} plus each module's own
 * bundle {@code i18n/<module>.properties} (zh-CN) and {@code i18n/<module>_en.properties}, found
 * on the classpath — a new module adds its files without touching a shared list.
 */
@Configuration(proxyBeanMethods = false)
class MessageBundles {

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        List<String> basenames = new ArrayList<>(List.of("messages"));
        basenames.addAll(moduleBundles());
        source.setBasenames(basenames.toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static List<String> moduleBundles() {
        try {
            TreeSet<String> names = new TreeSet<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
                String file = r.getFilename();
                if (file == null) continue;
                String base = file.substring(0, file.length() - ".properties".length());
                int lang = base.indexOf('_');
                names.add("i18n/" + (lang < 0 ? base : base.substring(0, lang)));
            }
            return List.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the message bundles", e);
        }
    }
}
