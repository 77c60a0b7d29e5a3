package cn.fuyou.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.childhealth.GrowthAssessment;
import cn.fuyou.childhealth.GrowthStandard;
import cn.fuyou.maternal.rules.PregnancyDating;
import cn.fuyou.maternal.rules.RiskGradingPolicy;
import cn.fuyou.maternal.rules.RiskInputs;
import cn.fuyou.maternal.rules.RiskRuleSet;
import cn.fuyou.registry.ResidentIdNumber;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Source: issue 15 §3 — coverage-guided fuzzing (Jazzer) of the pure calculators with every input
 * the API admits: they answer or refuse with IllegalArgumentException (a 400 at the API), never
 * anything else, each within 1 s. CI fuzzes {@code #fuzz} for a short while (pom: fuzz-calculators);
 * README "Fuzzing" gives the long run.
 */
class CalculatorFuzzTest {

    static final java.util.concurrent.atomic.AtomicLong EXECUTIONS = new java.util.concurrent.atomic.AtomicLong();
    private static final RiskGradingPolicy POLICY = new RiskGradingPolicy(RiskRuleSet.load("NHC-2017-CQ-1"));
    private static final GrowthStandard WHO = GrowthStandard.who();
    private static final List<String> FACTORS = new ArrayList<>(POLICY.rules().codes().keySet());

    @FuzzTest(maxDuration = "20s")
    void fuzz(FuzzedDataProvider in) {
        long t0 = System.nanoTime();
        try {
            switch (in.consumeInt(0, 3)) { // one fuzz target per JVM (Jazzer), so the first byte picks the calculator
                case 0 -> grade(in);
                case 1 -> dating(in);
                case 2 -> growth(in);
                default -> ResidentIdNumber.parse(in.consumeRemainingAsString());
            }
        } catch (IllegalArgumentException refused) {
            // a refusal of the input: the API turns it into 400 naming the field
        }
        // bounded time, once the classes are loaded and instrumented (the first inputs pay for that)
        if (EXECUTIONS.incrementAndGet() > 100) assertThat((System.nanoTime() - t0) / 1_000_000).as("ms for one input").isLessThan(1000);
    }

    private static BigDecimal decimal(FuzzedDataProvider in, int min, int max) {
        return in.consumeBoolean() ? null : BigDecimal.valueOf(in.consumeLong(min * 10L, max * 10L), 1);
    }

    private static Integer integer(FuzzedDataProvider in, int min, int max) {
        return in.consumeBoolean() ? null : in.consumeInt(min, max);
    }

    private static LocalDate date(FuzzedDataProvider in) {
        return LocalDate.of(1850, 1, 1).plusDays(in.consumeLong(0, 127_000));
    }

    private static void grade(FuzzedDataProvider in) {
        List<String> factors = new ArrayList<>();
        int n = in.consumeInt(0, 6);
        for (int i = 0; i < n && !FACTORS.isEmpty(); i++) {
            factors.add(in.consumeBoolean() ? in.pickValue(FACTORS) : in.consumeString(20));
        }
        // the calculator API's bounds (CalculatorController.RiskRequest)
        var r = POLICY.grade(new RiskInputs(integer(in, 10, 60), decimal(in, 100, 220), decimal(in, 25, 250), decimal(in, 20, 250),
                decimal(in, 1, 1500), decimal(in, 5, 200), integer(in, 1, 4), decimal(in, 5, 90), decimal(in, 0, 20),
                integer(in, 1, 6), integer(in, 0, 10), integer(in, 0, 600), factors));
        assertThat(r.colour()).isNotNull();
    }

    private static void dating(FuzzedDataProvider in) {
        LocalDate lmp = in.consumeBoolean() ? date(in) : null;
        PregnancyDating.Ultrasound us = in.consumeBoolean() ? null
                : new PregnancyDating.Ultrasound(date(in), decimal(in, 0, 200), integer(in, 0, 400));
        PregnancyDating.Art art = in.consumeBoolean() ? null : new PregnancyDating.Art(date(in), in.consumeInt(0, 10));
        var r = PregnancyDating.date(lmp, us, art);
        assertThat(r.edd()).isNotNull();
    }

    private static void growth(FuzzedDataProvider in) {
        var m = new GrowthAssessment.Measurement(in.consumeBoolean() ? GrowthStandard.Sex.MALE : GrowthStandard.Sex.FEMALE,
                in.consumeInt(0, GrowthStandard.MAX_DAYS), in.consumeBoolean() ? null : in.consumeRegularDouble(0.1, 80),
                in.consumeBoolean() ? null : in.consumeRegularDouble(30, 140), in.consumeBoolean() ? GrowthAssessment.Position.RECUMBENT
                : GrowthAssessment.Position.STANDING, in.consumeBoolean() ? null : in.consumeRegularDouble(15, 65), in.consumeBoolean());
        GrowthAssessment.assess(WHO, m);
    }
}
