package cn.fuyou.reporting.internal;

import cn.fuyou.reporting.IndicatorCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Reads every module's {@code indicators/*.json} from the classpath once, at start. */
@Configuration
class CatalogueLoader {

    private static final Logger log = LoggerFactory.getLogger(CatalogueLoader.class);

    @Bean
    IndicatorCatalogue indicatorCatalogue() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:indicators/*.json");
        List<Resource> sorted = new ArrayList<>(Arrays.asList(found));
        sorted.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
        List<IndicatorCatalogue.CatalogueFile> files = new ArrayList<>();
        for (Resource r : sorted) {
            try (InputStream in = r.getInputStream()) {
                files.add(IndicatorCatalogue.read(in, r.getFilename()));
            }
        }
        IndicatorCatalogue catalogue = IndicatorCatalogue.merge(files);
        log.info("Indicator catalogue {}: {} indicators over {} measures", catalogue.edition(), catalogue.indicators().size(),
                catalogue.measures().size());
        return catalogue;
    }
}
