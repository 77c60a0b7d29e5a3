package cn.fuyou.art.web;

import cn.fuyou.art.ArtOutcomeCounting;
import cn.fuyou.art.ArtOutcomeCounting.Measure;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public ART outcome calculator (issue 14 item 6): no login, no personal data, stores nothing,
 * rate-limited like every {@code /api/calculators/**} endpoint. The counting is
 * {@link ArtOutcomeCounting}, the same the centre's statistics use.
 */
@RestController
class ArtCalculatorController {

    record Request(List<ArtOutcomeCounting.Cycle> cycles) {}

    /** Rates are null when the denominator is 0 — and still present: every ART_* code, always. */
    record Group(String ageBand, long initiatedCycles, long retrievals, long transfers, long clinicalPregnancies, long deliveries,
                 @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS) Map<String, BigDecimal> rates) {}

    record Response(List<Group> groups) {}

    @PostMapping("/api/calculators/art-outcomes")
    Response calculate(@RequestBody Request request) {
        return new Response(ArtOutcomeCounting.count(request == null ? null : request.cycles()).stream()
                .map(g -> new Group(g.ageBand(), g.count(Measure.ART_CYCLE), g.count(Measure.ART_RETRIEVAL), g.count(Measure.ART_TRANSFER),
                        g.count(Measure.ART_CLINICAL_PREGNANCY), g.count(Measure.ART_DELIVERY), g.rates()))
                .toList());
    }
}
